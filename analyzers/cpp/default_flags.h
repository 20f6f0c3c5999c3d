#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace privaudit::cpp {

// The compiler command line for a source scanned without a compilation database: the flags
// of the nearest compile_flags.txt (clang's convention, one argument a line) in the file's
// folder or above it up to its root, else -std=c++20 (C: -std=c17) and include folders guessed
// from the layout: the file's folder and the include/ folders above it, the vendored libraries
// under third_party/, vendor/, external/, deps/ (the folder, each library in it and the
// library's include/) in the file's folders up to its root and above it up to its git
// checkout, then each root and its include/. argv[0] first, the file last.
std::vector<std::string> defaultCompileArgs(const std::filesystem::path& file,
                                            const std::vector<std::filesystem::path>& roots);

} // namespace privaudit::cpp

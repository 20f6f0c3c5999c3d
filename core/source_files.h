#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::core {

// Lines of the files findings point into, read once and kept for suppressions and
// fingerprints.
class SourceFiles {
public:
    // The 1-based line of `file`; empty when the file or line does not exist.
    std::string_view line(const std::string& file, int line);

    // Uses `text` as the content of `file` (an editor's unsaved buffer) instead of the disk.
    void provide(const std::string& file, std::string_view text);

private:
    static std::vector<std::string> splitLines(std::istream& in);
    const std::vector<std::string>& lines(const std::string& file);
    std::map<std::string, std::vector<std::string>> files_;
};

} // namespace privaudit::core

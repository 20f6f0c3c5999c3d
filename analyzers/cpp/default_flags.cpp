#include "analyzers/cpp/default_flags.h"

#include <algorithm>
#include <fstream>

namespace privaudit::cpp {

namespace fs = std::filesystem;

namespace {

bool isInside(const fs::path& file, const fs::path& folder) {
    fs::path relative = file.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

// The deepest root holding `file`, or its own folder.
fs::path rootOf(const fs::path& file, const std::vector<fs::path>& roots) {
    fs::path best = file.parent_path();
    size_t bestLength = 0;
    for (const fs::path& root : roots) {
        if (isInside(file, root) && root.string().size() >= bestLength) {
            best = root;
            bestLength = root.string().size();
        }
    }
    return best;
}

// The file's folder and each folder above it up to `root`, nearest first.
std::vector<fs::path> foldersUpTo(const fs::path& file, const fs::path& root) {
    std::vector<fs::path> folders;
    for (fs::path folder = file.parent_path(); !folder.empty(); folder = folder.parent_path()) {
        folders.push_back(folder);
        if (folder == root || folder == folder.root_path()) {
            break;
        }
    }
    return folders;
}

// The folders above `root` up to the checkout holding it (the folder with .git), nearest
// first: `privaudit scan src` still finds the repository's third_party/.
std::vector<fs::path> foldersAboveUpToCheckout(const fs::path& root) {
    std::vector<fs::path> folders;
    std::error_code ec;
    for (fs::path folder = root; !folder.empty() && folder != folder.root_path();
         folder = folder.parent_path()) {
        if (fs::exists(folder / ".git", ec)) {
            for (fs::path above = root.parent_path();
                 above.string().size() >= folder.string().size(); above = above.parent_path()) {
                folders.push_back(above);
                if (above == folder) {
                    break;
                }
            }
            break;
        }
    }
    return folders;
}

std::vector<std::string> compileFlagsFile(const fs::path& flagsFile) {
    std::vector<std::string> flags;
    std::ifstream in(flagsFile);
    for (std::string line; std::getline(in, line);) {
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty()) {
            flags.push_back(line);
        }
    }
    return flags;
}

class IncludeFolders {
public:
    void add(const fs::path& folder) {
        std::error_code ec;
        if (fs::is_directory(folder, ec) && std::ranges::find(folders_, folder) == folders_.end()) {
            folders_.push_back(folder);
        }
    }

    void addVendored(const fs::path& root) {
        for (const char* name : {"third_party", "vendor", "external", "deps"}) {
            fs::path vendored = root / name;
            std::error_code ec;
            if (!fs::is_directory(vendored, ec)) {
                continue;
            }
            add(vendored);
            std::vector<fs::path> libraries;
            for (const auto& entry : fs::directory_iterator(vendored, ec)) {
                if (entry.is_directory(ec)) {
                    libraries.push_back(entry.path());
                }
            }
            std::ranges::sort(libraries);
            for (const fs::path& library : libraries) {
                add(library / "include");
                add(library);
            }
        }
    }

    const std::vector<fs::path>& folders() const { return folders_; }

private:
    std::vector<fs::path> folders_;
};

} // namespace

std::vector<std::string> defaultCompileArgs(const fs::path& file,
                                            const std::vector<fs::path>& roots) {
    bool isC = file.extension() == ".c";
    std::vector<std::string> args = {isC ? "clang" : "clang++"};
    fs::path root = rootOf(file, roots);
    std::vector<fs::path> folders = foldersUpTo(file, root);
    for (const fs::path& folder : folders) {
        std::error_code ec;
        if (fs::is_regular_file(folder / "compile_flags.txt", ec)) {
            std::ranges::copy(compileFlagsFile(folder / "compile_flags.txt"),
                              std::back_inserter(args));
            args.push_back(file.string());
            return args;
        }
    }
    args.push_back(isC ? "-std=c17" : "-std=c++20");
    IncludeFolders includes;
    for (const fs::path& folder : folders) {
        includes.add(folder / "include");
    }
    includes.add(file.parent_path());
    // Vendored libraries come from the file's own tree only: another scanned tree's stand-in
    // of a library must not shadow this tree's copy.
    for (const fs::path& folder : folders) {
        includes.addVendored(folder);
    }
    for (const fs::path& folder : foldersAboveUpToCheckout(root)) {
        includes.add(folder / "include");
        includes.addVendored(folder);
    }
    for (const fs::path& candidate : roots) {
        includes.add(candidate);
        includes.add(candidate / "include");
    }
    for (const fs::path& folder : includes.folders()) {
        args.push_back("-I" + folder.string());
    }
    args.push_back(file.string());
    return args;
}

} // namespace privaudit::cpp

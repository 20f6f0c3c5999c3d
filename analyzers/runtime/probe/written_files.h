#pragma once

#include "core/notification.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace privaudit::runtime::probe {

// What the bot wrote during a probe run into one file.
struct WrittenFile {
    enum class Change { Created, Rewritten, Appended };

    std::string path;
    Change change = Change::Created;
    bool gzip = false;
    int firstLine = 1; // line of the file where `text` starts (for appended bytes: the old end)
    std::string text;  // the new bytes, gunzipped; a file rewritten or created: all of it
};

// Watches folders (recursively) and named files, e.g. logs, across a probe run: `before`
// records each file's size, modification time and content hash, `after` returns what was
// created, rewritten or appended since. Files listed in `ignored` (the probe's own transcript
// and reports) are never reported.
class WriteObserver {
public:
    WriteObserver(std::vector<std::string> folders, std::vector<std::string> files,
                  std::set<std::string> ignored);

    void before(std::vector<core::Notification>& notifications);
    std::vector<WrittenFile> after(std::vector<core::Notification>& notifications) const;

    // Bytes of new text kept per file; more is cut with a notification.
    static constexpr std::uintmax_t maxNewBytes = 64u << 20;

private:
    struct FileState {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        std::string hash;
    };

    // Hashing is for the first snapshot; the second hashes only files whose size or
    // modification time changed.
    std::map<std::string, FileState> snapshot(bool withHash,
                                              std::vector<core::Notification>& notifications) const;

    std::vector<std::string> folders_;
    std::vector<std::string> files_;
    std::set<std::string> ignored_;
    std::map<std::string, FileState> before_;
};

} // namespace privaudit::runtime::probe

#pragma once

#include <optional>
#include <string>
#include <vector>

namespace privaudit::core {

// Results of earlier analyses in a folder (--cache DIR), one file per key. An entry also
// records the files the analysis read besides the ones in its key (a translation unit's
// headers) with a hash of their content, and is only used while they are unchanged.
class ResultCache {
public:
    explicit ResultCache(std::string folder);

    // The stored output for `key`, if every file it recorded still has the same content.
    std::optional<std::string> lookup(const std::string& key) const;

    // Stores `output` for `key`, with the current content of `readFiles`. Failures to write
    // are ignored: the cache only saves time.
    void store(const std::string& key, const std::vector<std::string>& readFiles,
               const std::string& output) const;

    // A hex digest of the file's size and content; empty when it cannot be read.
    static std::string fileDigest(const std::string& path);

private:
    std::string entryPath(const std::string& key) const;
    std::string folder_;
};

} // namespace privaudit::core

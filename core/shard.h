#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace privaudit::core {

// One of N parts of a scan's inputs (--shard K/N). A file belongs to the part its path,
// relative to the source root, hashes to, so every machine splits the same tree the same way.
struct Shard {
    int index = 1; // 1-based
    int count = 1;

    bool includes(std::string_view relativePath) const;
    bool isWhole() const { return count == 1; }
};

// "K/N" with 1 <= K <= N; nullopt when malformed.
std::optional<Shard> parseShard(std::string_view text);

} // namespace privaudit::core

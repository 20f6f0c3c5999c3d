#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace privaudit::core {

// FNV-1a, 64 bit: small, stable across platforms and releases, for fingerprints and shard
// assignment.
class Fnv1a {
public:
    // Adds `text` and a field separator, so ("ab", "c") and ("a", "bc") differ.
    void add(std::string_view text) {
        for (unsigned char c : text) {
            hash_ = (hash_ ^ c) * 0x100000001b3ULL;
        }
        hash_ = (hash_ ^ 0xff) * 0x100000001b3ULL;
    }
    std::uint64_t value() const { return hash_; }
    std::string hex() const {
        char buffer[17];
        std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
        return buffer;
    }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

} // namespace privaudit::core

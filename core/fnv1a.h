#pragma once

#include <cstdint>
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
    // Sixteen lower-case hex digits.
    std::string hex() const {
        static constexpr char digits[] = "0123456789abcdef";
        std::string text(16, '0');
        for (int i = 15, shift = 0; i >= 0; --i, shift += 4) {
            text[i] = digits[(hash_ >> shift) & 0xf];
        }
        return text;
    }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

} // namespace privaudit::core

#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// 64 bytes of text as bit masks of the byte classes the token filter reasons about, one bit per
// byte, bit i for byte i. Built with AVX-512 or SSE2 where the CPU has them.
namespace privaudit::runtime {

inline constexpr size_t windowSize = 64;

struct ByteMasks {
    std::uint64_t word = 0;            // digits, letters and bytes >= 0x80, as in char_classes.h
    std::uint64_t digit = 0;           // 0-9
    std::uint64_t upper = 0;           // A-Z
    std::uint64_t lower = 0;           // a-z
    std::uint64_t zero = 0;            // '0'
    std::uint64_t at = 0;              // '@'
    std::uint64_t colon = 0;           // ':'
    std::uint64_t slash = 0;           // '/'
    std::uint64_t space = 0;           // ' '
    std::uint64_t dot = 0;             // '.'
    std::uint64_t groupSeparator = 0;  // ' ' '-' '.' '/': between the digit groups of a number
    std::uint64_t joiner = 0;          // '-' '_' '.' '/' '#' '+': joins a number to a word
    std::uint64_t keyJoiner = 0;       // '_' '-': inside API keys
    std::uint64_t trigger = 0;         // '+' '(' '%' '\\': the finder visits them
    std::uint64_t streetSuffixEnd = 0; // the last byte of a street suffix (shapes.h)
};

// The masks of the window of `text` that starts at `base`; bytes outside the text read as
// spaces, as at() and before() read them.
ByteMasks classifyWindow(std::string_view text, std::ptrdiff_t base);

// The masks of the 64 bytes at `bytes`, one byte at a time: the reference for the SIMD versions.
ByteMasks classifyBytesPortable(const char* bytes);
// Every way this machine can classify 64 bytes (the portable one first; SSE2 and AVX-512 where
// the CPU has them): classifyWindow takes the fastest, the tests compare them all.
std::vector<ByteMasks (*)(const char*)> availableClassifiers();

} // namespace privaudit::runtime

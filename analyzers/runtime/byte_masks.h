#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// 64 bytes of text as bit masks of the byte classes the token filter reasons about, one bit per
// byte, bit i for byte i. Built with AVX-512 (and GFNI) or SSE2 where the CPU has them.
namespace privaudit::runtime {

inline constexpr size_t windowSize = 64;

// Generic over the mask type: one 64-bit word per window, or eight windows in one AVX-512
// register (token_filter_avx512.cpp). An aggregate without member initializers, so it has no
// constructor a translation unit built for AVX-512 could emit for others to share: write
// `ByteMasks masks{}` for zeros. The fields are in the order of the Property bits of
// byte_properties.h: the AVX-512 classifier fills them in that order.
template <typename Mask> struct ClassMasks {
    Mask word;            // digits, letters and bytes >= 0x80, as in char_classes.h
    Mask digit;           // 0-9
    Mask upper;           // A-Z
    Mask lower;           // a-z
    Mask zero;            // '0'
    Mask at;              // '@'
    Mask colon;           // ':'
    Mask slash;           // '/'
    Mask space;           // ' '
    Mask dot;             // '.'
    Mask groupSeparator;  // ' ' '-' '.' '/': between the digit groups of a number
    Mask joiner;          // '-' '_' '.' '/' '#' '+': joins a number to a word
    Mask keyJoiner;       // '_' '-': inside API keys
    Mask trigger;         // '+' '(' '%' '\\': the finder visits them
    Mask streetSuffixEnd; // the last byte of a street suffix (shapes.h)
    // The first two letters of the lower-case words matchLowerWord does something with (shapes.h)
    Mask encodedInitial; // b e: of a bech32 address or a JWT (encodedWordOpenings)
    Mask encodedSecond;  // c y
    Mask apiKeyInitial;  // g r s x: of an API-key prefix (apiKeyPrefixes)
    Mask apiKeySecond;   // h i k l o
};

using ByteMasks = ClassMasks<std::uint64_t>;

// Whether the CPU has what the AVX-512 classifier needs: AVX-512 BW and VBMI, and GFNI.
bool avx512ClassifierAvailable();

// The masks of the window of `text` that starts at `base`; bytes outside the text read as
// spaces, as at() and before() read them.
ByteMasks classifyWindow(std::string_view text, std::ptrdiff_t base);

// The masks of the 64 bytes at `bytes`, one byte at a time: the reference for the SIMD versions.
ByteMasks classifyBytesPortable(const char* bytes);
// Every way this machine can classify 64 bytes (the portable one first; SSE2 and AVX-512 where
// the CPU has them): classifyWindow takes the fastest, the tests compare them all.
std::vector<ByteMasks (*)(const char*)> availableClassifiers();

} // namespace privaudit::runtime

#pragma once

#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"

#include <array>
#include <cstdint>

// Every byte class of ClassMasks (byte_masks.h) for each of the 256 bytes: bit f of
// byteProperties[c] says whether byte c is in the class of field f of ClassMasks, in the order
// the fields are declared. The portable classifier reads it a byte at a time, the AVX-512 one
// (byte_masks_avx512.h) as 128-byte lookup tables, one per byte of a property word.
namespace privaudit::runtime {

enum Property : std::uint32_t {
    WordByte = 1 << 0,
    DigitByte = 1 << 1,
    UpperByte = 1 << 2,
    LowerByte = 1 << 3,
    ZeroByte = 1 << 4,
    AtByte = 1 << 5,
    ColonByte = 1 << 6,
    SlashByte = 1 << 7,
    SpaceByte = 1 << 8,
    DotByte = 1 << 9,
    GroupSeparatorByte = 1 << 10,
    JoinerByte = 1 << 11,
    KeyJoinerByte = 1 << 12,
    TriggerByte = 1 << 13,
    StreetSuffixEndByte = 1 << 14,
    EncodedInitialByte = 1 << 15,
    EncodedSecondByte = 1 << 16,
    ApiKeyInitialByte = 1 << 17,
    ApiKeySecondByte = 1 << 18,
};

inline constexpr auto encodedInitials = lettersAt(encodedWordOpenings, 0);
inline constexpr auto encodedSeconds = lettersAt(encodedWordOpenings, 1);
inline constexpr auto apiKeyInitials = lettersAt(apiKeyPrefixes, 0);
inline constexpr auto apiKeySeconds = lettersAt(apiKeyPrefixes, 1);

inline constexpr std::array<std::uint32_t, 256> byteProperties = [] {
    std::array<std::uint32_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        std::uint32_t p = 0;
        unsigned char cls = charClasses[c];
        p |= cls != Other ? WordByte : 0;
        p |= cls == Digit ? DigitByte : 0;
        p |= cls == Upper ? UpperByte : 0;
        p |= cls == Lower ? LowerByte : 0;
        p |= c == '0' ? ZeroByte : 0;
        p |= c == '@' ? AtByte : 0;
        p |= c == ':' ? ColonByte : 0;
        p |= c == '/' ? SlashByte : 0;
        p |= c == ' ' ? SpaceByte : 0;
        p |= c == '.' ? DotByte : 0;
        p |= c == ' ' || c == '-' || c == '.' || c == '/' ? GroupSeparatorByte : 0;
        p |= c == '-' || c == '_' || c == '.' || c == '/' || c == '#' || c == '+' ? JoinerByte : 0;
        p |= c == '_' || c == '-' ? KeyJoinerByte : 0;
        p |= c == '+' || c == '(' || c == '%' || c == '\\' ? TriggerByte : 0;
        p |= streetSuffixEnds[c] ? StreetSuffixEndByte : 0;
        p |= encodedInitials[c] ? EncodedInitialByte : 0;
        p |= encodedSeconds[c] ? EncodedSecondByte : 0;
        p |= apiKeyInitials[c] ? ApiKeyInitialByte : 0;
        p |= apiKeySeconds[c] ? ApiKeySecondByte : 0;
        table[c] = p;
    }
    return table;
}();

// The AVX-512 classifier looks up only the seven low bits of a byte and takes every byte from
// 0x80 on for a word byte and nothing else.
static_assert([] {
    for (unsigned c = 0x80; c < 256; ++c) {
        if (byteProperties[c] != WordByte) {
            return false;
        }
    }
    return true;
}());

} // namespace privaudit::runtime

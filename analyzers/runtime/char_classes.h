#pragma once

#include <array>
#include <cstddef>
#include <string_view>

// Byte classes for the tokenizer. Bytes of multi-byte UTF-8 sequences count as letters, so
// "Musterstraße" is one word and invalid UTF-8 is just more letters: the scanner works on bytes.
namespace privaudit::runtime {

enum CharClass : unsigned char {
    Other = 0,
    Digit = 1,
    Upper = 2,
    Lower = 4,
    High = 8,
    Word = Digit | Upper | Lower | High,
};

inline constexpr std::array<unsigned char, 256> charClasses = [] {
    std::array<unsigned char, 256> table{};
    for (int c = '0'; c <= '9'; ++c) {
        table[c] = Digit;
    }
    for (int c = 'A'; c <= 'Z'; ++c) {
        table[c] = Upper;
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        table[c] = Lower;
    }
    for (int c = 0x80; c < 256; ++c) {
        table[c] = High;
    }
    return table;
}();

inline bool isDigit(char c) {
    return charClasses[static_cast<unsigned char>(c)] == Digit;
}
inline bool isUpper(char c) {
    return charClasses[static_cast<unsigned char>(c)] == Upper;
}
inline bool isLower(char c) {
    return charClasses[static_cast<unsigned char>(c)] == Lower;
}
inline bool isWordByte(char c) {
    return charClasses[static_cast<unsigned char>(c)] != Other;
}
inline bool isAsciiAlnum(char c) {
    return (charClasses[static_cast<unsigned char>(c)] & (Digit | Upper | Lower)) != 0;
}
inline bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline char toLowerAscii(char c) {
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// The byte at `i`, or a space outside the text, so boundary checks need no range tests.
inline char at(std::string_view text, size_t i) {
    return i < text.size() ? text[i] : ' ';
}
inline char before(std::string_view text, size_t i) {
    return i > 0 && i <= text.size() ? text[i - 1] : ' ';
}

} // namespace privaudit::runtime

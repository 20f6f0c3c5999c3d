#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <array>

namespace privaudit::runtime {

namespace {

// Digit values per byte, -1 for bytes of neither alphabet; tables, as ids and hashes are
// decoded on every line of a log.
constexpr std::array<signed char, 256> hexValues = [] {
    std::array<signed char, 256> table{};
    table.fill(-1);
    for (int c = 0; c < 10; ++c) {
        table['0' + c] = static_cast<signed char>(c);
    }
    for (int c = 0; c < 6; ++c) {
        table['a' + c] = table['A' + c] = static_cast<signed char>(10 + c);
    }
    return table;
}();

// Both alphabets: standard ("+/") and URL-safe ("-_").
constexpr std::array<signed char, 256> base64Values = [] {
    std::array<signed char, 256> table{};
    table.fill(-1);
    for (int c = 0; c < 26; ++c) {
        table['A' + c] = static_cast<signed char>(c);
        table['a' + c] = static_cast<signed char>(26 + c);
    }
    for (int c = 0; c < 10; ++c) {
        table['0' + c] = static_cast<signed char>(52 + c);
    }
    table['+'] = table['-'] = 62;
    table['/'] = table['_'] = 63;
    return table;
}();

int hexValue(char c) {
    return hexValues[static_cast<unsigned char>(c)];
}

int base64Value(char c) {
    return base64Values[static_cast<unsigned char>(c)];
}

bool printableAscii(unsigned char c) {
    return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
}

// How many continuation bytes (0x80-0xbf) a UTF-8 lead byte announces; 0 for other bytes.
int utf8Continuations(unsigned char c) {
    if (c >= 0xc2 && c <= 0xdf) {
        return 1;
    }
    if (c >= 0xe0 && c <= 0xef) {
        return 2;
    }
    return c >= 0xf0 && c <= 0xf4 ? 3 : 0;
}

bool utf8Continuation(unsigned char c) {
    return c >= 0x80 && c < 0xc0;
}

// Mostly printable text, as a hidden e-mail or JSON body is (German text with its umlauts
// too): at least 8 bytes, of which at most 5 % are control bytes or broken UTF-8 sequences.
// `nextByte` yields the `length` bytes one by one: decoders stream into it and stop at the
// first byte over the allowance.
template <typename NextByte> bool readable(size_t length, NextByte nextByte) {
    if (length < 8) {
        return false;
    }
    // printable * 100 >= length * 95, that is unprintable * 20 <= length
    const size_t allowed = length / 20;
    size_t unprintable = 0;
    int continuations = 0; // still expected by the UTF-8 sequence being read
    for (size_t i = 0; i < length; ++i) {
        const unsigned char c = nextByte();
        if (continuations > 0 && utf8Continuation(c)) {
            --continuations;
            continue;
        }
        if (continuations > 0 && ++unprintable > allowed) {
            return false; // the sequence broke off; its lead byte counts as unprintable
        }
        continuations = utf8Continuations(c);
        if (continuations == 0 && !printableAscii(c) && ++unprintable > allowed) {
            return false;
        }
    }
    return true; // a sequence cut by the span's end is the decoder's doing, not the text's
}

// The first two decoded bytes of a readable text: printable ASCII, or a UTF-8 sequence.
bool readablePair(unsigned char first, unsigned char second) {
    if (printableAscii(first)) {
        return printableAscii(second) || utf8Continuations(second) > 0;
    }
    return utf8Continuations(first) > 0 && utf8Continuation(second);
}

bool readable(std::string_view text) {
    size_t i = 0;
    return readable(text.size(), [&] { return static_cast<unsigned char>(text[i++]); });
}

std::optional<std::string> hexDecode(std::string_view span) {
    if (span.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string out;
    for (size_t i = 0; i < span.size(); i += 2) {
        int hi = hexValue(span[i]), lo = hexValue(span[i + 1]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::string base64Decode(std::string_view span) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : span) {
        int value = base64Value(c);
        if (value < 0) {
            break; // '=' padding ends the data
        }
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::string percentDecode(std::string_view span) {
    std::string out;
    for (size_t i = 0; i < span.size(); ++i) {
        if (span[i] == '%' && i + 2 < span.size() && hexValue(span[i + 1]) >= 0 &&
            hexValue(span[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(span[i + 1]) * 16 + hexValue(span[i + 2]));
            i += 2;
        } else if (span[i] == '+') {
            out += ' ';
        } else if (span[i] == '&' || span[i] == '=') {
            out += ' '; // form fields become words, so "email=..." reads as context
        } else {
            out += span[i];
        }
    }
    return out;
}

std::string unicodeUnescape(std::string_view span) {
    std::string out;
    for (size_t i = 0; i < span.size(); ++i) {
        if (span[i] == '\\' && i + 5 < span.size() && span[i + 1] == 'u') {
            unsigned code = 0;
            bool valid = true;
            for (size_t k = 2; k < 6; ++k) {
                int value = hexValue(span[i + k]);
                valid = valid && value >= 0;
                code = code * 16 + static_cast<unsigned>(value < 0 ? 0 : value);
            }
            if (valid) {
                appendUtf8(out, code);
                i += 5;
                continue;
            }
        }
        out += span[i];
    }
    return out;
}

// Random ids and hashes are the common case: their first bytes already decode to binary.
bool readableStart(std::string_view span) {
    if (span.size() < 11) { // too short to decode to the 8 bytes `readable` asks for
        return false;
    }
    bool hex = span.size() >= 32 && span.size() % 2 == 0 && hexValue(span[0]) >= 0 &&
               hexValue(span[1]) >= 0 && hexValue(span[2]) >= 0 && hexValue(span[3]) >= 0;
    if (hex) {
        return readablePair(static_cast<unsigned char>(hexValue(span[0]) * 16 + hexValue(span[1])),
                            static_cast<unsigned char>(hexValue(span[2]) * 16 + hexValue(span[3])));
    }
    int a = base64Value(span[0]), b = base64Value(span[1]), c = base64Value(span[2]);
    if (a < 0 || b < 0 || c < 0) {
        return false;
    }
    return readablePair(static_cast<unsigned char>((a << 2) | (b >> 4)),
                        static_cast<unsigned char>(((b & 15) << 4) | (c >> 2)));
}

bool readableAsHex(std::string_view span) {
    size_t i = 0;
    return readable(span.size() / 2, [&] {
        int value = hexValue(span[i]) * 16 + hexValue(span[i + 1]);
        i += 2;
        return static_cast<unsigned char>(value);
    });
}

bool readableAsBase64(std::string_view span) {
    size_t valid = 0; // base64 decoding stops at the first other byte ('=' padding)
    while (valid < span.size() && base64Value(span[valid]) >= 0) {
        ++valid;
    }
    size_t i = 0;
    unsigned buffer = 0;
    int bits = 0;
    return readable(valid * 6 / 8, [&] {
        while (bits < 8) {
            buffer = (buffer << 6) | static_cast<unsigned>(base64Value(span[i++]));
            bits += 6;
        }
        bits -= 8;
        return static_cast<unsigned char>((buffer >> bits) & 0xff);
    });
}

} // namespace

bool decodesToReadableText(std::string_view span, EncodedSpan::Kind kind) {
    if (kind != EncodedSpan::Kind::Base64OrHex) {
        return decodeSpan(span, kind).has_value();
    }
    if (!readableStart(span)) {
        return false;
    }
    if (span.size() < 32 || span.size() % 2 != 0) {
        return readableAsBase64(span);
    }
    // A run of this shape is decoded as hex when it is all hex digits. Trace ids and hashes
    // read as neither, which both decoders find in a few bytes, sooner than that check.
    if (!readableAsHex(span) && !readableAsBase64(span)) {
        return false;
    }
    // Hex and base64 decode to fewer bytes than the span holds, never to the span itself.
    bool hex = std::ranges::all_of(span, [](char c) { return hexValue(c) >= 0; });
    return hex ? readableAsHex(span) : readableAsBase64(span);
}

std::optional<Decoded> decodeSpan(std::string_view span, EncodedSpan::Kind kind) {
    if (kind == EncodedSpan::Kind::Base64OrHex && !readableStart(span)) {
        return std::nullopt;
    }
    Decoded decoded;
    switch (kind) {
    case EncodedSpan::Kind::Base64OrHex:
        if (auto hex = span.size() >= 32 ? hexDecode(span) : std::nullopt) {
            decoded = {"hex", std::move(*hex)};
        } else {
            decoded = {"base64", base64Decode(span)};
        }
        break;
    case EncodedSpan::Kind::Percent:
        decoded = {"percent", percentDecode(span)};
        break;
    case EncodedSpan::Kind::UnicodeEscape:
        decoded = {"unicode-escape", unicodeUnescape(span)};
        break;
    }
    if (decoded.text == span || !readable(decoded.text)) {
        return std::nullopt;
    }
    return decoded;
}

void appendUtf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xc0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xe0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    }
}

} // namespace privaudit::runtime

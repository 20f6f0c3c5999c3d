#pragma once

#include "analyzers/runtime/candidate.h"

#include <optional>
#include <string>
#include <string_view>

namespace privaudit::runtime {

struct Decoded {
    std::string_view encoding; // "base64", "hex", "percent", "unicode-escape"
    std::string text;
};

// The text an encoded span hides, when decoding it gives readable text: random tokens,
// hashes and binary data decode to bytes that are not, and are not scanned further.
std::optional<Decoded> decodeSpan(std::string_view span, EncodedSpan::Kind kind);
// Whether decodeSpan gives something, decided while decoding a base64 or hex run (it stops at
// the first byte that makes the text unreadable, and allocates nothing).
bool decodesToReadableText(std::string_view span, EncodedSpan::Kind kind);

// Appends the UTF-8 form of a code point.
void appendUtf8(std::string& out, unsigned codePoint);

} // namespace privaudit::runtime

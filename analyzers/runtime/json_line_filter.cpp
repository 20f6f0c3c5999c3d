#include "analyzers/runtime/json_line_filter.h"

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace privaudit::runtime {

namespace {

// What to blank in the bytes after `from`, one at a time; `inString` and `depth` carry over.
bool blankScalar(std::string_view line, size_t from, std::string& out, bool& inString) {
    for (size_t i = from; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\') {
            return false;
        }
        if (c == '"') {
            inString = !inString;
            out[i] = ' ';
        } else if (!inString &&
                   (c == '{' || c == '[' || c == '}' || c == ']' || c == ':' || c == ',')) {
            out[i] = ' ';
        }
    }
    return true;
}

#if defined(__SSE2__)
__m128i equalBytes(__m128i bytes, char c) {
    return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c));
}

std::uint32_t bits(__m128i mask) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(mask));
}

// Bit i set when byte i lies inside a string: after an odd number of quotes, counting the
// opening quote and not the closing one.
std::uint32_t insideQuotes(std::uint32_t quotes) {
    quotes ^= quotes << 1;
    quotes ^= quotes << 2;
    quotes ^= quotes << 4;
    quotes ^= quotes << 8;
    return quotes & 0xffff;
}

// The 16 bits of a mask as 16 bytes of all ones or zeros.
__m128i bytesOf(std::uint32_t mask) {
    const __m128i bit = _mm_set_epi8(-128, 64, 32, 16, 8, 4, 2, 1, -128, 64, 32, 16, 8, 4, 2, 1);
    __m128i spread = _mm_set_epi64x(static_cast<long long>(0x0101010101010101ull * (mask >> 8)),
                                    static_cast<long long>(0x0101010101010101ull * (mask & 0xff)));
    return _mm_cmpeq_epi8(_mm_and_si128(spread, bit), bit);
}

// 16 bytes at a time: compare masks instead of a branch per byte. Returns where it stopped.
size_t blankBlocks(std::string_view line, std::string& out, bool& inString, bool& backslash) {
    const char* data = line.data();
    char* target = out.data();
    const __m128i space = _mm_set1_epi8(' '), caseBit = _mm_set1_epi8(0x20);
    size_t i = 0;
    for (; i + 16 <= line.size(); i += 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        __m128i folded = _mm_or_si128(bytes, caseBit); // '[' and ']' read as '{' and '}'
        __m128i quotes = equalBytes(bytes, '"');
        __m128i brackets = _mm_or_si128(equalBytes(folded, '{'), equalBytes(folded, '}'));
        __m128i separators = _mm_or_si128(equalBytes(bytes, ':'), equalBytes(bytes, ','));
        if (bits(equalBytes(bytes, '\\')) != 0) {
            backslash = true;
            return i;
        }
        std::uint32_t inside = insideQuotes(bits(quotes)) ^ (inString ? 0xffffu : 0u);
        inString = (inside >> 15) != 0;
        __m128i outside = bytesOf(~inside & 0xffff);
        __m128i syntax = _mm_and_si128(_mm_or_si128(brackets, separators), outside);
        __m128i blank = _mm_or_si128(quotes, syntax);
        __m128i result = _mm_or_si128(_mm_andnot_si128(blank, bytes), _mm_and_si128(blank, space));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(target + i), result);
    }
    return i;
}
#endif

} // namespace

bool blankJsonSyntax(std::string_view line, std::string& out) {
    out.assign(line);
    bool inString = false;
    size_t from = 0;
#if defined(__SSE2__)
    bool backslash = false;
    from = blankBlocks(line, out, inString, backslash);
    if (backslash) {
        return false;
    }
#endif
    size_t last = line.find_last_not_of(" \t\r");
    return blankScalar(line, from, out, inString) && !inString && last != std::string_view::npos &&
           (line[last] == '}' || line[last] == ']');
}

bool jsonLineNeedsScan(std::string_view line) {
    thread_local std::string blanked;
    thread_local std::vector<Candidate> candidates;
    thread_local std::vector<EncodedSpan> encoded;
    if (!blankJsonSyntax(line, blanked)) {
        return true;
    }
    candidates.clear();
    encoded.clear();
    findCandidates(blanked, candidates, encoded);
    // Most long runs are trace ids and hashes that decode to nothing readable.
    return !candidates.empty() || std::ranges::any_of(encoded, [&](const EncodedSpan& span) {
        return decodeSpan(std::string_view(blanked).substr(span.begin, span.end - span.begin),
                          span.kind)
            .has_value();
    });
}

} // namespace privaudit::runtime

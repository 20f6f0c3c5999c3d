#include "analyzers/runtime/json_line_filter.h"

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace privaudit::runtime {

namespace {

// What to blank in the bytes after `from`, one at a time; `inString` and `depth` carry over.
bool blankScalar(std::string_view line, size_t from, char* out, bool& inString) {
    for (size_t i = from; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\') {
            return false;
        }
        bool syntax = c == '{' || c == '[' || c == '}' || c == ']' || c == ':' || c == ',';
        if (c == '"') {
            inString = !inString;
        }
        out[i] = c == '"' || (!inString && syntax) ? ' ' : c;
    }
    return true;
}

#if defined(__x86_64__)
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
size_t blankBlocks(std::string_view line, char* target, bool& inString, bool& backslash) {
    const char* data = line.data();
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

// The same 64 bytes at a time, the last block by masked load and store. The stores match the
// 64-byte loads of the token filter that reads the blanked line next, so those are forwarded
// from the store buffer instead of waiting for four 16-byte stores to retire.
[[gnu::target("avx512bw")]] size_t blankBlocksAvx512(std::string_view line, char* target,
                                                     bool& inString, bool& backslash) {
    const char* data = line.data();
    const __m512i space = _mm512_set1_epi8(' '), caseBit = _mm512_set1_epi8(0x20);
    for (size_t i = 0; i < line.size(); i += 64) {
        const size_t size = std::min<size_t>(64, line.size() - i);
        const __mmask64 inside = size == 64 ? ~__mmask64{0} : (__mmask64{1} << size) - 1;
        const __m512i bytes = _mm512_maskz_loadu_epi8(inside, data + i);
        const __m512i folded = _mm512_or_si512(bytes, caseBit); // '[' and ']' read as '{' '}'
        if (_mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8('\\')) != 0) {
            backslash = true;
            return i;
        }
        std::uint64_t quotes = _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8('"'));
        std::uint64_t syntax = _mm512_cmpeq_epi8_mask(folded, _mm512_set1_epi8('{')) |
                               _mm512_cmpeq_epi8_mask(folded, _mm512_set1_epi8('}')) |
                               _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8(':')) |
                               _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8(','));
        // Inside a string: after an odd number of quotes (a prefix XOR of the quote bits).
        std::uint64_t inStringBits = quotes;
        for (unsigned shift = 1; shift < 64; shift *= 2) {
            inStringBits ^= inStringBits << shift;
        }
        inStringBits ^= inString ? ~std::uint64_t{0} : 0;
        inString = (inStringBits >> 63) != 0;
        const std::uint64_t blank = quotes | (syntax & ~inStringBits);
        _mm512_mask_storeu_epi8(target + i, inside, _mm512_mask_blend_epi8(blank, bytes, space));
    }
    return line.size();
}
#endif

// Blanks whole blocks from the start of the line; returns where it stopped.
using BlockBlanker = size_t (*)(std::string_view line, char* out, bool& inString, bool& backslash);

size_t noBlocks(std::string_view, char*, bool&, bool&) {
    return 0;
}

template <BlockBlanker blankBlocksOf> bool blankWith(std::string_view line, char* out) {
    bool inString = false, backslash = false;
    size_t from = blankBlocksOf(line, out, inString, backslash);
    if (backslash) {
        return false;
    }
    size_t last = line.find_last_not_of(" \t\r");
    return blankScalar(line, from, out, inString) && !inString && last != std::string_view::npos &&
           (line[last] == '}' || line[last] == ']');
}

} // namespace

bool blankJsonSyntax(std::string_view line, char* out) {
#if defined(__x86_64__)
    static const auto blank =
        __builtin_cpu_supports("avx512bw") ? blankWith<blankBlocksAvx512> : blankWith<blankBlocks>;
    return blank(line, out);
#else
    return blankWith<noBlocks>(line, out);
#endif
}

std::vector<bool (*)(std::string_view, char*)> availableJsonBlankers() {
    std::vector<bool (*)(std::string_view, char*)> blankers = {blankWith<noBlocks>};
#if defined(__x86_64__)
    blankers.push_back(blankWith<blankBlocks>);
    if (__builtin_cpu_supports("avx512bw")) {
        blankers.push_back(blankWith<blankBlocksAvx512>);
    }
#endif
    return blankers;
}

bool blankedLineNeedsScan(std::string_view blanked, std::span<const size_t> positions,
                          const ScanSettings& settings) {
    thread_local std::vector<Candidate> candidates;
    thread_local std::vector<EncodedSpan> encoded;
    candidates.clear();
    encoded.clear();
    findCandidatesVisiting(blanked, positions, candidates, encoded);
    // A candidate of a recognizer that does not run (off by default, or not in --entities) is
    // dropped by the scan too; most long runs are trace ids and hashes that decode to nothing
    // readable.
    auto runs = [&](const Candidate& candidate) {
        return settings.active[static_cast<size_t>(candidate.recognizer)] != nullptr;
    };
    return std::ranges::any_of(candidates, runs) ||
           std::ranges::any_of(encoded, [&](const EncodedSpan& span) {
               return decodesToReadableText(blanked.substr(span.begin, span.end - span.begin),
                                            span.kind);
           });
}

} // namespace privaudit::runtime

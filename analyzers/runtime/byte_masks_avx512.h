#pragma once

// The AVX-512 classification of 64 bytes into ByteMasks, for the translation units that run it
// (byte_masks.cpp, token_filter_avx512.cpp) after checking that the CPU has AVX-512.
//
// In an anonymous namespace on purpose: each of those translation units gets its own copy, so
// the linker can never pick this code for a caller on a CPU without AVX-512.

#include "analyzers/runtime/byte_masks.h"

#if defined(__x86_64__)
#include <immintrin.h>

namespace privaudit::runtime {
namespace {

// 64 bytes in one register, a compare per mask. (GCC does not pass the target on to lambdas.)
[[gnu::target("avx512bw")]] std::uint64_t equalTo(__m512i v, char c) {
    return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c));
}

[[gnu::target("avx512bw")]] std::uint64_t inRange(__m512i v, char low, char high) {
    return _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8(low)),
                                  _mm512_set1_epi8(static_cast<char>(high - low + 1)));
}

[[gnu::target("avx512bw")]] ByteMasks classifyVector(__m512i v) {
    ByteMasks m{};
    m.digit = inRange(v, '0', '9');
    m.upper = inRange(v, 'A', 'Z');
    m.lower = inRange(v, 'a', 'z');
    m.word = m.digit | m.upper | m.lower | _mm512_movepi8_mask(v); // bytes >= 0x80 too
    m.zero = equalTo(v, '0');
    m.at = equalTo(v, '@');
    m.colon = equalTo(v, ':');
    m.slash = equalTo(v, '/');
    m.space = equalTo(v, ' ');
    m.dot = equalTo(v, '.');
    const std::uint64_t dash = equalTo(v, '-'), underscore = equalTo(v, '_'),
                        plus = equalTo(v, '+');
    m.groupSeparator = m.space | dash | m.dot | m.slash;
    m.keyJoiner = dash | underscore;
    m.joiner = dash | underscore | m.dot | m.slash | equalTo(v, '#') | plus;
    m.trigger = plus | equalTo(v, '(') | equalTo(v, '%') | equalTo(v, '\\');
    // The suffixes end in e g z m r d t or '.'; or-ing 0x20 folds capitals onto them and nothing
    // else.
    const __m512i folded = _mm512_or_si512(v, _mm512_set1_epi8(0x20));
    m.streetSuffixEnd = m.dot | equalTo(folded, 'e') | equalTo(folded, 'g') | equalTo(folded, 'z') |
                        equalTo(folded, 'm') | equalTo(folded, 'r') | equalTo(folded, 'd') |
                        equalTo(folded, 't');
    m.keyWordInitial = equalTo(v, 'b') | equalTo(v, 'e') | equalTo(v, 'g') | equalTo(v, 'r') |
                       equalTo(v, 's') | equalTo(v, 'x');
    return m;
}

} // namespace
} // namespace privaudit::runtime
#endif

#pragma once

// The AVX-512 classification of 64 bytes, for the translation units that run it (byte_masks.cpp,
// token_filter_avx512.cpp) after checking that the CPU has AVX-512 BW and VBMI and GFNI
// (avx512ClassifierAvailable).
//
// A table lookup gives each byte its properties (byte_properties.h), eight to a byte, and a bit
// transpose turns 64 such bytes into eight masks: GFNI's affine transform transposes the 8x8
// bit matrix of each 8 bytes, a byte permutation then gathers the pieces of each mask.
//
// In an anonymous namespace on purpose: each of those translation units gets its own copy, so
// the linker can never pick this code for a caller on a CPU without AVX-512.

#include "analyzers/runtime/byte_masks.h"
#include "analyzers/runtime/byte_properties.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define PRIVAUDIT_AVX512_CLASSIFIER gnu::target("avx512f,avx512bw,avx512vbmi,gfni")

namespace privaudit::runtime {
namespace {

// 64 bytes to load into a register; not a std::array, whose member functions this translation
// unit would compile for AVX-512 and might share.
struct Bytes64 {
    std::uint8_t bytes[64];
};

// The properties of the masks 8 * plane ... 8 * plane + 7 of the bytes from 64 * part on.
constexpr Bytes64 propertyTable(unsigned plane, unsigned part) {
    Bytes64 table{};
    for (unsigned c = 0; c < 64; ++c) {
        table.bytes[c] = static_cast<std::uint8_t>(byteProperties[64 * part + c] >> (8 * plane));
    }
    return table;
}

// Eight masks to a plane: ByteMasks has up to 24.
constexpr unsigned planeCount = (sizeof(ByteMasks) / sizeof(std::uint64_t) + 7) / 8;
static_assert(planeCount <= 3, "more masks than the property words have bytes");
inline constexpr Bytes64 properties[][2] = {{propertyTable(0, 0), propertyTable(0, 1)},
                                            {propertyTable(1, 0), propertyTable(1, 1)},
                                            {propertyTable(2, 0), propertyTable(2, 1)}};

// Byte i of each 8 to 7 - i: the affine transform reads a matrix's rows last byte first.
inline constexpr Bytes64 reverseEachEight = [] {
    Bytes64 index{};
    for (unsigned i = 0; i < 64; ++i) {
        index.bytes[i] = static_cast<std::uint8_t>((i & ~7u) | (7 - (i & 7)));
    }
    return index;
}();

// Byte b of 64-bit word f from byte f of word b: the transpose of the 8x8 byte matrix.
inline constexpr Bytes64 transposeBytes = [] {
    Bytes64 index{};
    for (unsigned i = 0; i < 64; ++i) {
        index.bytes[i] = static_cast<std::uint8_t>(8 * (i % 8) + i / 8);
    }
    return index;
}();

[[PRIVAUDIT_AVX512_CLASSIFIER]] __m512i load(const Bytes64& table) {
    return _mm512_loadu_si512(table.bytes);
}

// The masks of one window: 64-bit word f of plane p is field 8 * p + f of ByteMasks.
struct WindowPlanes {
    __m512i plane[planeCount];
};

// Byte i of the result from byte index[i] of `v`. (GCC 12's _mm512_permutexvar_epi8 warns about
// the undefined register it merges into; the zero-masked form has none.)
[[PRIVAUDIT_AVX512_CLASSIFIER]] __m512i permuteBytes(const Bytes64& index, __m512i v) {
    return _mm512_maskz_permutexvar_epi8(~__mmask64{0}, load(index), v);
}

// 64 bytes of one property each (bit f of byte i: byte i has property f; every 8 bytes in reverse
// order) to the masks: word f of the result is the mask of property f.
[[PRIVAUDIT_AVX512_CLASSIFIER]] __m512i transposeBits(__m512i properties) {
    // Row k of the identity: byte k of each word of the result takes bit k of each of the
    // word's 8 bytes, the first byte in bit 0.
    const __m512i identity = _mm512_set1_epi64(0x8040201008040201);
    return permuteBytes(transposeBytes, _mm512_gf2p8affine_epi64_epi8(identity, properties, 0));
}

[[PRIVAUDIT_AVX512_CLASSIFIER]] WindowPlanes classifyPlanes(__m512i v) {
    const __m512i bytes = permuteBytes(reverseEachEight, v);
    // The tables hold bytes 0-127; the lookup reads the seven low bits of the index. A byte from
    // 0x80 on is a word byte (bit 0 of plane 0) and nothing else (byte_properties.h).
    const __mmask64 ascii = ~_mm512_movepi8_mask(bytes);
    WindowPlanes planes;
    for (unsigned p = 0; p < planeCount; ++p) {
        const __m512i found = _mm512_maskz_permutex2var_epi8(ascii, load(properties[p][0]), bytes,
                                                             load(properties[p][1]));
        planes.plane[p] = transposeBits(
            p == 0 ? _mm512_mask_mov_epi8(_mm512_set1_epi8(WordByte), ascii, found) : found);
    }
    return planes;
}

} // namespace
} // namespace privaudit::runtime
#endif

// The token filter's rules (token_rules.h) eight windows at a time: one AVX-512 register holds a
// byte class of 512 bytes, and each rule is a handful of instructions for all eight windows.
//
// Built with -mavx512f -mavx512bw -mavx512vbmi -mavx512vbmi2 -mgfni (CMakeLists.txt) and run only
// when the CPU has them (avx512TokenStopsAvailable in token_filter.cpp). Nothing compiled here may
// be shared with another translation unit: apart from tokenStopMasksAvx512 everything is in an
// anonymous namespace, ClassMasks has no constructor to emit, and no standard-library function is
// called.
#include "analyzers/runtime/byte_masks_avx512.h"
#include "analyzers/runtime/token_rules.h"

namespace privaudit::runtime {

#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512VBMI__) &&                    \
    defined(__AVX512VBMI2__) && defined(__GFNI__)

namespace {

// __m512i without its may_alias attribute, which a template argument cannot carry.
typedef long long Lanes __attribute__((vector_size(64)));
using Block = ClassMasks<Lanes>;

// Eight windows per register: lane j holds window j of the block. Across a window's edge the
// neighbouring lane supplies the bytes, across the block's edge the block before or after.
struct VectorOps {
    using Mask = Lanes;

    template <unsigned k> static Mask back(Mask current, Mask previous) {
        return _mm512_shldi_epi64(current, _mm512_maskz_alignr_epi64(0xff, current, previous, 7),
                                  k);
    }

    template <unsigned k> static Mask ahead(Mask current, Mask next) {
        return _mm512_shrdi_epi64(current, _mm512_maskz_alignr_epi64(0xff, next, current, 1), k);
    }

    static bool any(Mask mask) { return _mm512_test_epi64_mask(mask, mask) != 0; }

    // As ScalarOps::afterRunsFrom, in each lane; a lane's carry goes into the next lane, and
    // on through a lane that is one run from end to end.
    static Mask afterRunsFrom(Mask run, Mask starts, bool& carry) {
        __m512i sum = _mm512_add_epi64(run, starts);
        const __mmask8 overflow = _mm512_cmplt_epu64_mask(sum, run);
        unsigned carryOut = (overflow >> 7) & 1u;
        auto in = static_cast<__mmask8>((overflow << 1) | (carry ? 1 : 0));
        while (in != 0) {
            sum = _mm512_mask_add_epi64(sum, in, sum, _mm512_set1_epi64(1));
            const __mmask8 wrapped = in & _mm512_cmpeq_epi64_mask(sum, _mm512_setzero_si512());
            carryOut |= (wrapped >> 7) & 1u;
            in = static_cast<__mmask8>(wrapped << 1);
        }
        carry = carryOut != 0;
        return sum & ~run;
    }
};

// The fields of ClassMasks in their order, the order of the Property bits (byte_properties.h).
constexpr Lanes Block::* fields[] = {&Block::word,
                                     &Block::digit,
                                     &Block::upper,
                                     &Block::lower,
                                     &Block::zero,
                                     &Block::at,
                                     &Block::colon,
                                     &Block::slash,
                                     &Block::space,
                                     &Block::dot,
                                     &Block::groupSeparator,
                                     &Block::joiner,
                                     &Block::keyJoiner,
                                     &Block::trigger,
                                     &Block::streetSuffixEnd,
                                     &Block::encodedInitial,
                                     &Block::encodedSecond,
                                     &Block::apiKeyInitial,
                                     &Block::apiKeySecond};
constexpr unsigned fieldCount = sizeof(fields) / sizeof(fields[0]);
static_assert(sizeof(Block) == fieldCount * sizeof(Lanes), "a field is not listed");

// Lane j of register f from 64-bit word f of register j: an 8x8 transpose of 64-bit words, in
// three rounds that swap the off-diagonal blocks of 1, 2 and 4 words.
void transposeWords(__m512i (&r)[8]) {
#pragma GCC unroll 3
    for (unsigned s = 1; s < 8; s *= 2) {
        long long keep[8], swap[8];
        for (unsigned q = 0; q < 8; ++q) {
            keep[q] = (q & s) != 0 ? 8 + q - s : q;
            swap[q] = (q & s) != 0 ? 8 + q : q + s;
        }
        const __m512i keepIndex = _mm512_loadu_si512(keep), swapIndex = _mm512_loadu_si512(swap);
#pragma GCC unroll 8
        for (unsigned i = 0; i < 8; ++i) {
            if ((i & s) == 0) {
                const __m512i first = r[i], second = r[i + s];
                r[i] = _mm512_permutex2var_epi64(first, keepIndex, second);
                r[i + s] = _mm512_permutex2var_epi64(first, swapIndex, second);
            }
        }
    }
}

// The eight windows from `base`; bytes after the text read as spaces.
Block classifyBlock(const char* data, size_t size, size_t base) {
    __m512i planes[planeCount][8];
#pragma GCC unroll 8
    for (unsigned lane = 0; lane < 8; ++lane) {
        const size_t start = base + lane * windowSize;
        __m512i bytes = _mm512_set1_epi8(' ');
        if (start + windowSize <= size) {
            bytes = _mm512_loadu_si512(data + start);
        } else if (start < size) {
            const __mmask64 inside = (__mmask64{1} << (size - start)) - 1;
            bytes = _mm512_mask_loadu_epi8(bytes, inside, data + start);
        }
        const WindowPlanes window = classifyPlanes(bytes);
        for (unsigned p = 0; p < planeCount; ++p) {
            planes[p][lane] = window.plane[p];
        }
    }
    Block block{};
    for (unsigned p = 0; p < planeCount; ++p) {
        transposeWords(planes[p]);
    }
    for (unsigned f = 0; f < fieldCount; ++f) {
        block.*fields[f] = planes[f / 8][f % 8];
    }
    return block;
}

} // namespace

void tokenStopMasksAvx512(const char* data, size_t size, bool capitalWords, WindowStops* stops) {
    const size_t windows = size / windowSize + 1;
    static const Block spaces = classifyBlock(nullptr, 0, 0);
    Block before = spaces;
    Block current = classifyBlock(data, size, 0);
    RunCarries carries{};
    for (size_t first = 0; first < windows; first += 8) {
        const size_t next = (first + 8) * windowSize;
        const Block after = next >= size ? spaces : classifyBlock(data, size, next);
        const Stops<Lanes> found =
            tokenStops<VectorOps>(before, current, after, carries, capitalWords);
        alignas(64) std::uint64_t definite[8], toRefine[8], yearLead[8], trigger[8], word[8];
        _mm512_store_si512(definite, found.definite);
        _mm512_store_si512(toRefine, found.toRefine);
        _mm512_store_si512(yearLead, found.yearLead);
        _mm512_store_si512(trigger, current.trigger);
        _mm512_store_si512(word, current.word);
        for (unsigned lane = 0; lane < 8 && first + lane < windows; ++lane) {
            stops[first + lane] = {definite[lane], toRefine[lane], yearLead[lane], trigger[lane],
                                   word[lane]};
        }
        before = current;
        current = after;
    }
}

#else

// Not built for AVX-512: never chosen (avx512TokenStopsAvailable is false).
void tokenStopMasksAvx512(const char* data, size_t size, bool capitalWords, WindowStops* stops) {
    tokenStopMasksScalar(data, size, capitalWords, stops);
}

#endif

} // namespace privaudit::runtime

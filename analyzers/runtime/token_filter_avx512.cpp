// The token filter's rules (token_rules.h) eight windows at a time: one AVX-512 register holds a
// byte class of 512 bytes, and each rule is a handful of instructions for all eight windows.
//
// Built with -mavx512f -mavx512bw -mavx512vbmi2 (CMakeLists.txt) and run only when the CPU has
// them (avx512TokenStopsAvailable in token_filter.cpp). Nothing compiled here may be shared with
// another translation unit: apart from tokenStopMasksAvx512 everything is in an anonymous
// namespace, ClassMasks has no constructor to emit, and no standard-library function is called.
#include "analyzers/runtime/byte_masks_avx512.h"
#include "analyzers/runtime/token_rules.h"

namespace privaudit::runtime {

#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512VBMI2__)

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

// The fields of ClassMasks, listed once, for moving windows into lanes.
template <typename Mask> struct Fields {
    static constexpr Mask ClassMasks<Mask>::* all[] = {&ClassMasks<Mask>::word,
                                                       &ClassMasks<Mask>::digit,
                                                       &ClassMasks<Mask>::upper,
                                                       &ClassMasks<Mask>::lower,
                                                       &ClassMasks<Mask>::zero,
                                                       &ClassMasks<Mask>::at,
                                                       &ClassMasks<Mask>::colon,
                                                       &ClassMasks<Mask>::slash,
                                                       &ClassMasks<Mask>::space,
                                                       &ClassMasks<Mask>::dot,
                                                       &ClassMasks<Mask>::groupSeparator,
                                                       &ClassMasks<Mask>::joiner,
                                                       &ClassMasks<Mask>::keyJoiner,
                                                       &ClassMasks<Mask>::trigger,
                                                       &ClassMasks<Mask>::streetSuffixEnd,
                                                       &ClassMasks<Mask>::keyWordInitial};
};
constexpr unsigned fieldCount =
    sizeof(Fields<std::uint64_t>::all) / sizeof(Fields<std::uint64_t>::all[0]);
static_assert(sizeof(ByteMasks) == fieldCount * sizeof(std::uint64_t), "a field is not listed");

Block broadcast(const ByteMasks& window) {
    Block block{};
    for (unsigned f = 0; f < fieldCount; ++f) {
        block.*Fields<Lanes>::all[f] =
            _mm512_set1_epi64(static_cast<long long>(window.*Fields<std::uint64_t>::all[f]));
    }
    return block;
}

// The eight windows from `base`; bytes after the text read as spaces.
Block classifyBlock(const char* data, size_t size, size_t base, const ByteMasks& spaces) {
    alignas(64) std::uint64_t lanes[fieldCount][8];
    for (unsigned lane = 0; lane < 8; ++lane) {
        const size_t start = base + lane * windowSize;
        ByteMasks window = spaces;
        if (start + windowSize <= size) {
            window = classifyVector(_mm512_loadu_si512(data + start));
        } else if (start < size) {
            const __mmask64 inside = (__mmask64{1} << (size - start)) - 1;
            window =
                classifyVector(_mm512_mask_loadu_epi8(_mm512_set1_epi8(' '), inside, data + start));
        }
        for (unsigned f = 0; f < fieldCount; ++f) {
            lanes[f][lane] = window.*Fields<std::uint64_t>::all[f];
        }
    }
    Block block{};
    for (unsigned f = 0; f < fieldCount; ++f) {
        block.*Fields<Lanes>::all[f] = _mm512_load_si512(lanes[f]);
    }
    return block;
}

} // namespace

void tokenStopMasksAvx512(const char* data, size_t size, bool capitalWords, WindowStops* stops) {
    const size_t windows = size / windowSize + 1;
    static const ByteMasks spaceWindow = classifyVector(_mm512_set1_epi8(' '));
    static const Block spaces = broadcast(spaceWindow);
    Block before = spaces;
    Block current = classifyBlock(data, size, 0, spaceWindow);
    RunCarries carries{};
    for (size_t first = 0; first < windows; first += 8) {
        const size_t next = (first + 8) * windowSize;
        const Block after = next >= size ? spaces : classifyBlock(data, size, next, spaceWindow);
        const Stops<Lanes> found =
            tokenStops<VectorOps>(before, current, after, carries, capitalWords);
        alignas(64) std::uint64_t definite[8], toRefine[8], trigger[8], word[8];
        _mm512_store_si512(definite, found.definite);
        _mm512_store_si512(toRefine, found.toRefine);
        _mm512_store_si512(trigger, current.trigger);
        _mm512_store_si512(word, current.word);
        for (unsigned lane = 0; lane < 8 && first + lane < windows; ++lane) {
            stops[first + lane] = {definite[lane], toRefine[lane], trigger[lane], word[lane]};
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

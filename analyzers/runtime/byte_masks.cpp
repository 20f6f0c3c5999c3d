#include "analyzers/runtime/byte_masks.h"

#include "analyzers/runtime/byte_masks_avx512.h"
#include "analyzers/runtime/byte_properties.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace privaudit::runtime {

namespace {

using Mask = std::uint64_t;

#if defined(__x86_64__)
[[PRIVAUDIT_AVX512_CLASSIFIER]] ByteMasks classifyVector(__m512i v) {
    const WindowPlanes planes = classifyPlanes(v);
    alignas(64) std::uint64_t fields[8 * planeCount];
    for (unsigned p = 0; p < planeCount; ++p) {
        _mm512_store_si512(fields + 8 * p, planes.plane[p]);
    }
    ByteMasks masks;
    std::memcpy(&masks, fields, sizeof(masks));
    return masks;
}

[[PRIVAUDIT_AVX512_CLASSIFIER]] ByteMasks classifyAvx512(const char* bytes) {
    return classifyVector(_mm512_loadu_si512(bytes));
}

// A masked load: the bytes after the text are not read, and read as spaces.
[[PRIVAUDIT_AVX512_CLASSIFIER]] ByteMasks classifyTailAvx512(const char* bytes, size_t size) {
    const __mmask64 inside = (__mmask64{1} << size) - 1;
    return classifyVector(_mm512_mask_loadu_epi8(_mm512_set1_epi8(' '), inside, bytes));
}

Mask bitsOf(__m128i bytes) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(bytes));
}

// The bytes of `v` that are lower-case letters in `set`.
__m128i inLetters(__m128i v, const std::array<bool, 256>& set) {
    __m128i found = _mm_setzero_si128();
    for (char c = 'a'; c <= 'z'; ++c) {
        if (set[static_cast<unsigned char>(c)]) {
            found = _mm_or_si128(found, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
        }
    }
    return found;
}

// Four times 16 bytes, a compare and a movemask per mask.
ByteMasks classifySse2(const char* bytes) {
    ByteMasks m{};
    for (unsigned chunk = 0; chunk < 4; ++chunk) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * chunk));
        auto is = [&](char c) {
            return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
        };
        auto between = [&](char low, char high) {
            return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1))),
                                 _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(high + 1))));
        };
        auto either = [](__m128i a, __m128i b) {
            return _mm_or_si128(a, b);
        };
        const __m128i digit = between('0', '9'), upper = between('A', 'Z'),
                      lower = between('a', 'z');
        const __m128i space = is(' '), dot = is('.'), slash = is('/'), dash = is('-'),
                      underscore = is('_'), plus = is('+');
        const unsigned shift = 16 * chunk;
        // Bytes >= 0x80 are word bytes: their top bit is what movemask collects.
        m.word |= (bitsOf(either(either(digit, upper), lower)) | bitsOf(v)) << shift;
        m.digit |= bitsOf(digit) << shift;
        m.upper |= bitsOf(upper) << shift;
        m.lower |= bitsOf(lower) << shift;
        m.zero |= bitsOf(is('0')) << shift;
        m.at |= bitsOf(is('@')) << shift;
        m.colon |= bitsOf(is(':')) << shift;
        m.slash |= bitsOf(slash) << shift;
        m.space |= bitsOf(space) << shift;
        m.dot |= bitsOf(dot) << shift;
        m.groupSeparator |= bitsOf(either(either(space, dash), either(dot, slash))) << shift;
        m.keyJoiner |= bitsOf(either(dash, underscore)) << shift;
        m.joiner |= bitsOf(either(either(either(dash, underscore), either(dot, slash)),
                                  either(is('#'), plus)))
                    << shift;
        m.trigger |= bitsOf(either(either(plus, is('(')), either(is('%'), is('\\')))) << shift;
        // Or-ing 0x20 folds capitals onto the letters and nothing else onto them.
        const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        m.streetSuffixEnd |= bitsOf(either(dot, inLetters(folded, streetSuffixEnds))) << shift;
        m.encodedInitial |= bitsOf(inLetters(v, encodedInitials)) << shift;
        m.encodedSecond |= bitsOf(inLetters(v, encodedSeconds)) << shift;
        m.apiKeyInitial |= bitsOf(inLetters(v, apiKeyInitials)) << shift;
        m.apiKeySecond |= bitsOf(inLetters(v, apiKeySeconds)) << shift;
    }
    return m;
}
#endif

// The last bytes of a text, less than a window, padded with spaces.
template <ByteMasks (*classify)(const char*)>
ByteMasks classifyTailPadded(const char* bytes, size_t size) {
    std::array<char, windowSize> padded;
    padded.fill(' ');
    std::memcpy(padded.data(), bytes, size);
    return classify(padded.data());
}

struct Classifier {
    ByteMasks (*window)(const char*);
    ByteMasks (*tail)(const char*, size_t);
};

const Classifier& classifier() {
#if defined(__x86_64__)
    static const Classifier chosen =
        avx512ClassifierAvailable() ? Classifier{classifyAvx512, classifyTailAvx512}
                                    : Classifier{classifySse2, classifyTailPadded<classifySse2>};
#else
    static const Classifier chosen = {classifyBytesPortable,
                                      classifyTailPadded<classifyBytesPortable>};
#endif
    return chosen;
}

} // namespace

bool avx512ClassifierAvailable() {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi") &&
           __builtin_cpu_supports("gfni");
#else
    return false;
#endif
}

ByteMasks classifyWindow(std::string_view text, std::ptrdiff_t base) {
    static const ByteMasks spaces = [] {
        std::array<char, windowSize> bytes;
        bytes.fill(' ');
        return classifyBytesPortable(bytes.data());
    }();
    const auto size = static_cast<std::ptrdiff_t>(text.size());
    if (base < 0 || base >= size) {
        return spaces;
    }
    if (base + static_cast<std::ptrdiff_t>(windowSize) <= size) {
        return classifier().window(text.data() + base);
    }
    return classifier().tail(text.data() + base, static_cast<size_t>(size - base));
}

ByteMasks classifyBytesPortable(const char* bytes) {
    ByteMasks m{};
    for (unsigned i = 0; i < windowSize; ++i) {
        const std::uint32_t p = byteProperties[static_cast<unsigned char>(bytes[i])];
        auto bit = [&](Property property) {
            return static_cast<Mask>((p & property) != 0) << i;
        };
        m.word |= bit(WordByte);
        m.digit |= bit(DigitByte);
        m.upper |= bit(UpperByte);
        m.lower |= bit(LowerByte);
        m.zero |= bit(ZeroByte);
        m.at |= bit(AtByte);
        m.colon |= bit(ColonByte);
        m.slash |= bit(SlashByte);
        m.space |= bit(SpaceByte);
        m.dot |= bit(DotByte);
        m.groupSeparator |= bit(GroupSeparatorByte);
        m.joiner |= bit(JoinerByte);
        m.keyJoiner |= bit(KeyJoinerByte);
        m.trigger |= bit(TriggerByte);
        m.streetSuffixEnd |= bit(StreetSuffixEndByte);
        m.encodedInitial |= bit(EncodedInitialByte);
        m.encodedSecond |= bit(EncodedSecondByte);
        m.apiKeyInitial |= bit(ApiKeyInitialByte);
        m.apiKeySecond |= bit(ApiKeySecondByte);
    }
    return m;
}

std::vector<ByteMasks (*)(const char*)> availableClassifiers() {
    std::vector<ByteMasks (*)(const char*)> classifiers = {classifyBytesPortable};
#if defined(__x86_64__)
    classifiers.push_back(classifySse2);
    if (avx512ClassifierAvailable()) {
        classifiers.push_back(classifyAvx512);
    }
#endif
    return classifiers;
}

} // namespace privaudit::runtime

#include "analyzers/runtime/token_filter.h"

#include "analyzers/runtime/byte_masks.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"
#include "analyzers/runtime/token_rules.h"

#include <bit>

namespace privaudit::runtime {

namespace {

using Mask = std::uint64_t;

constexpr size_t scalarWindows = 2;

// One 64-bit mask per window; the window before and after supply the bytes across its edges.
struct ScalarOps {
    using Mask = std::uint64_t;

    // Bit i then says something about byte i - k.
    template <unsigned k> static Mask back(Mask current, Mask previous) {
        return (current << k) | (previous >> (64 - k));
    }

    // Bit i then says something about byte i + k.
    template <unsigned k> static Mask ahead(Mask current, Mask next) {
        return (current >> k) | (next << (64 - k));
    }

    static bool any(Mask mask) { return mask != 0; }

    // The position after each run of `run` that begins at a bit of `starts` (a subset of the run
    // starts): adding a run's lowest bit carries through the run to the first byte after it. The
    // carry goes on into the next window for a run that crosses it.
    static Mask afterRunsFrom(Mask run, Mask starts, bool& carry) {
        Mask sum = 0;
        bool overflow = __builtin_add_overflow(run, starts, &sum);
        overflow |= __builtin_add_overflow(sum, static_cast<Mask>(carry), &sum);
        carry = overflow;
        return sum & ~run;
    }
};

// Whether the finder's step does nothing with the token [begin, end) that tokenStops left to
// refine: a number numberInert turns away (a recent date, a house number after no street name,
// ...), a lower-case-led word of 16 to 19 bytes before a space (too short for an encoded run,
// and no shape starts with it: plainWord in findCandidatesAt), or one of under 16 bytes (inertWord,
// then matchLowerWord: they do something with a bech32 address, "bc1", an API-key prefix word
// before '_' or '-', a JWT before '.', "eyJ", and a word before '@' or ':').
bool tokenInert(std::string_view text, size_t begin, size_t end) {
    std::string_view token = text.substr(begin, end - begin);
    char next = at(text, end);
    if (isDigit(token[0])) {
        return token.size() < 16 && numberInert(text, begin, end);
    }
    if (token.size() >= 20 || (token.size() >= 16 && next != ' ') ||
        text.substr(begin).starts_with("bc1") || next == '@' || next == ':') {
        return false;
    }
    if (next == '_' || next == '-') {
        return !apiKeyPrefixWord(token);
    }
    return next != '.' || !token.starts_with("eyJ");
}

// The first byte of the token whose terminator is bit `terminator` of window `w`: the byte after
// the last non-word byte before it, in this window, the one before, or further back for a token
// longer than a window.
size_t tokenStart(std::string_view text, const WindowStops* windows, size_t w,
                  unsigned terminator) {
    const Mask nonWordBefore = ~windows[w].word & ((Mask{1} << terminator) - 1);
    const size_t base = w * windowSize;
    if (nonWordBefore != 0) {
        return base + windowSize - static_cast<size_t>(std::countl_zero(nonWordBefore));
    }
    if (w > 0 && ~windows[w - 1].word != 0) {
        return base - static_cast<size_t>(std::countl_zero(~windows[w - 1].word));
    }
    size_t begin = base;
    while (begin > 0 && isWordByte(text[begin - 1])) {
        --begin;
    }
    return begin;
}

} // namespace

bool avx512TokenStopsAvailable() {
#if defined(__x86_64__)
    return avx512ClassifierAvailable() && __builtin_cpu_supports("avx512vbmi2");
#else
    return false;
#endif
}

void tokenStopMasksScalar(const char* data, size_t size, bool capitalWords, WindowStops* stops) {
    const std::string_view text(data, size);
    ByteMasks before = classifyWindow(text, -static_cast<std::ptrdiff_t>(windowSize));
    ByteMasks current = classifyWindow(text, 0);
    RunCarries carries{};
    for (size_t w = 0; w <= size / windowSize; ++w) {
        ByteMasks after = classifyWindow(text, static_cast<std::ptrdiff_t>((w + 1) * windowSize));
        const Stops<Mask> found =
            tokenStops<ScalarOps>(before, current, after, carries, capitalWords);
        stops[w] = {found.definite, found.toRefine, found.yearLead, current.trigger, current.word};
        before = current;
        current = after;
    }
}

void tokensToMatch(std::string_view text, std::vector<size_t>& positions,
                   CapitalWords capitalWords) {
    static const bool avx512 = avx512TokenStopsAvailable();
    thread_local std::vector<WindowStops> windows;
    const size_t n = text.size();
    windows.resize(n / windowSize + 1);
    // Eight windows at a time pay off from a few windows on; a short line goes one by one.
    (avx512 && windows.size() > scalarWindows ? tokenStopMasksAvx512 : tokenStopMasksScalar)(
        text.data(), n, capitalWords == CapitalWords::Visit, windows.data());
    for (size_t w = 0; w < windows.size(); ++w) {
        const WindowStops& window = windows[w];
        const Mask tokens = window.definite | window.toRefine;
        for (Mask pending = tokens | window.yearLead | window.trigger; pending != 0;
             pending &= pending - 1) {
            const unsigned bit = static_cast<unsigned>(std::countr_zero(pending));
            const size_t pos = w * windowSize + bit;
            if (pos > n) {
                return; // a token that ends the text has its terminator at n, in the padding
            }
            if ((tokens >> bit) & 1) {
                size_t begin = tokenStart(text, windows.data(), w, bit);
                if (!((window.toRefine >> bit) & 1) || !tokenInert(text, begin, pos)) {
                    positions.push_back(begin);
                }
            }
            if (((window.yearLead >> bit) & 1) && !recentYear(text, pos - 4)) {
                positions.push_back(pos - 4);
            }
            if ((window.trigger >> bit) & 1) {
                positions.push_back(pos);
            }
        }
    }
}

} // namespace privaudit::runtime

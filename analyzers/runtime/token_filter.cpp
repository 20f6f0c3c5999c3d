#include "analyzers/runtime/token_filter.h"

#include "analyzers/runtime/byte_masks.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"

#include <array>
#include <bit>

namespace privaudit::runtime {

namespace {

using Mask = std::uint64_t;

// Bits shifted towards higher positions by k (1..63), filled from the window before: bit i then
// says something about byte i - k.
Mask fromBefore(Mask current, Mask previous, unsigned k) {
    return (current << k) | (previous >> (64 - k));
}

// Bits shifted towards lower positions by k (1..63), filled from the window after: bit i then
// says something about byte i + k.
Mask fromAfter(Mask current, Mask next, unsigned k) {
    return (current >> k) | (next << (64 - k));
}

// The position after each run of `run` that begins at a bit of `starts` (a subset of the run
// starts): adding a run's lowest bit carries through the run to the first byte after it. The
// carry goes on into the next window for a run that crosses it.
Mask afterRunsFrom(Mask run, Mask starts, bool& carry) {
    Mask sum = 0;
    bool overflow = __builtin_add_overflow(run, starts, &sum);
    overflow |= __builtin_add_overflow(sum, static_cast<Mask>(carry), &sum);
    carry = overflow;
    return sum & ~run;
}

// Bit i of the high half says something about the 64 bits up to i of the low half and the
// window: the shifts across the window boundary are 128-bit shifts.
using Wide = unsigned __int128;

Wide joined(Mask previous, Mask current) {
    return (static_cast<Wide>(current) << 64) | previous;
}

Mask high(Wide wide) {
    return static_cast<Mask>(wide >> 64);
}

// The terminators (the first byte after a token) of the tokens in the window that the finder's
// step may find something in: `definite` ones, and ones `toRefine` by looking at the token's
// bytes (tokenInert). Each rule mirrors what the step does with such a token; the comments name
// the code they mirror. A token of 16 bytes and more always stops (EncodedSpans::word).
struct Stops {
    Mask definite;
    Mask toRefine;
};

Stops tokenStops(const ByteMasks& before, const ByteMasks& m, const ByteMasks& after,
                 RunCarries& carry) {
    const Mask word = m.word;
    const Wide words = joined(before.word, word);
    // atLeastK: the K bytes before are word bytes, so a token ending here is at least K long.
    const Wide r1 = words << 1, r2 = r1 & (r1 << 1), r4 = r2 & (r2 << 2), r8 = r4 & (r4 << 4);
    const Wide r12 = r8 & (r4 << 8);
    const Mask atLeast1 = high(r1), atLeast2 = high(r2), atLeast3 = high(r2 & (r1 << 2)),
               atLeast4 = high(r4), atLeast5 = high(r4 & (r1 << 4)),
               atLeast6 = high(r4 & (r2 << 4)), atLeast8 = high(r8),
               atLeast9 = high(r8 & (r1 << 8)), atLeast12 = high(r12),
               atLeast13 = high(r12 & (r1 << 12)), atLeast14 = high(r12 & (r2 << 12)),
               atLeast16 = high(r8 & (r8 << 8));
    const Mask starts = word & ~atLeast1;
    const Mask terminators = ~word & atLeast1;

    // leftBoundaryOk fails: a joiner after a word byte ("ORD-4111", "v1.2").
    const Mask joinedLeft = high(joined(before.joiner, m.joiner) << 1) & high(words << 2);
    // mayFollowStreetName: a space after the last byte of a street suffix ("Musterstr. 12").
    const Mask afterStreetName = high(joined(before.space, m.space) << 1) &
                                 high(joined(before.streetSuffixEnd, m.streetSuffixEnd) << 2);
    // Bit i: the byte i + k (k = 1..5) is a digit, or a dot.
    const Wide digitsAhead = joined(m.digit, after.digit), dotsAhead = joined(m.dot, after.dot);
    const Mask digit1 = static_cast<Mask>(digitsAhead >> 1),
               digit2 = static_cast<Mask>(digitsAhead >> 2),
               digit3 = static_cast<Mask>(digitsAhead >> 3),
               digit4 = static_cast<Mask>(digitsAhead >> 4),
               digit5 = static_cast<Mask>(digitsAhead >> 5);
    const Mask grouped = m.groupSeparator & digit1;
    // A number grouped by '.' is a date or an IPv4 address or nothing (classify): it needs a
    // first group of at most three digits, a second of at most three, and a third after
    // another '.'.
    const Mask secondDottedGroup =
        digit1 & ((static_cast<Mask>(dotsAhead >> 2) & digit3) |
                  (digit2 & static_cast<Mask>(dotsAhead >> 3) & digit4) |
                  (digit2 & digit3 & static_cast<Mask>(dotsAhead >> 4) & digit5));
    const Mask dottedNumber = m.dot & secondDottedGroup & ~atLeast4;
    const Mask otherwiseGrouped = grouped & ~m.dot;
    const Wide slashesAhead = joined(m.slash, after.slash);
    const Mask scheme =
        m.colon & static_cast<Mask>(slashesAhead >> 1) & static_cast<Mask>(slashesAhead >> 2);
    auto lengthIs = [](Mask atLeastK, Mask atLeastKPlus1) {
        return atLeastK & ~atLeastKPlus1;
    };

    const Mask digitStarts = starts & m.digit;
    const Mask goodDigitStarts = digitStarts & ~joinedLeft;
    const Mask anyDigit = afterRunsFrom(word, digitStarts, carry.anyDigit);
    const Mask goodDigit = afterRunsFrom(word, goodDigitStarts, carry.goodDigit);
    const Mask allDigit = afterRunsFrom(m.digit, goodDigitStarts, carry.allDigit) & ~word;
    const Mask streetNumber = afterRunsFrom(word, goodDigitStarts & afterStreetName, carry.street);
    // A '0' 12 bytes back: the first digit of a 12-digit number.
    const Mask zeroLed = high(joined(before.zero, m.zero) << 12);

    const Mask upperStarts = starts & m.upper;
    const Mask upper = afterRunsFrom(word, upperStarts, carry.upper);
    const Mask capitalized = afterRunsFrom(
        word, upperStarts & static_cast<Mask>(joined(m.lower, after.lower) >> 1), carry.capital);
    const Mask allUpper = afterRunsFrom(m.upper, upperStarts, carry.allUpper) & ~word;
    const Mask upperPair =
        high(joined(before.upper, m.upper) << 1) & high(joined(before.upper, m.upper) << 2);

    const Mask lower = afterRunsFrom(word, starts & m.lower, carry.lower);

    // Any token: an e-mail ('@'), a URL ("://"), an encoded run (16 bytes and more).
    Mask definite = terminators & (m.at | scheme | atLeast16);
    // matchNumber: a global unicast IPv6 address opens with four hex digits and ':'.
    definite |= anyDigit & m.colon & lengthIs(atLeast4, atLeast5);
    // matchDigitGroups: a number grouped by ' ', '-' or '/', or a date or IP address grouped by
    // '.'; on its own, the lengths classify knows (PLZ 5, SSN and passport 9, NHS 10, Steuer-ID
    // 11, a phone number of 12 with its leading 0, cards 13-19); a short one only as a house
    // number.
    definite |=
        allDigit &
        (otherwiseGrouped | dottedNumber | lengthIs(atLeast5, atLeast6) | (atLeast9 & ~atLeast12) |
         atLeast13 | (lengthIs(atLeast12, atLeast13) & zeroLed) | (streetNumber & ~atLeast5));
    // matchMixedToken: a Rentenversicherungsnummer (12) or a house number with a letter.
    definite |=
        (goodDigit & ~allDigit) & (lengthIs(atLeast12, atLeast13) | (streetNumber & ~atLeast6));
    // matchUpperWord: two capitals before a space (NINO, "DE 123…"); from three bytes on, not
    // a capitalized word and not a short word of capitals (inertUpperWord); AWS keys go on
    // across '_' and '-'.
    definite |= upper & upperPair & lengthIs(atLeast2, atLeast3) & m.space;
    definite |= upper & atLeast3 & ~capitalized & (~allUpper | atLeast8);
    definite |= upper & m.keyJoiner;
    // recentDateLead: a log timestamp's year before '-'; matchLowerWord: API-key prefixes
    // before '_' or '-', a JWT before '.', bech32 addresses (14 bytes and more). tokenInert
    // looks at their bytes.
    const Mask year = allDigit & otherwiseGrouped & lengthIs(atLeast4, atLeast5) & m.keyJoiner;
    const Mask lowerWord = lower & (m.keyJoiner | m.dot | atLeast14);
    return {definite, (year | lowerWord) & ~definite};
}

// Whether the finder's step does nothing with the token [begin, end) that tokenStops left to
// refine: a log timestamp's year (recentDateLead, matchNumber turns it away at once), or a
// lower-case-led word of under 16 bytes (inertWord, then matchLowerWord: they do something with
// a bech32 address, "bc1", an API-key prefix word before '_' or '-', a JWT before '.', "eyJ",
// and a word before '@' or ':').
bool tokenInert(std::string_view text, size_t begin, size_t end) {
    std::string_view token = text.substr(begin, end - begin);
    char next = at(text, end);
    if (isDigit(token[0])) {
        return token.find_first_not_of("0123456789") == std::string_view::npos &&
               recentDateLead(text, begin, end);
    }
    if (token.size() >= 16 || text.substr(begin).starts_with("bc1") || next == '@' || next == ':') {
        return false;
    }
    if (next == '_' || next == '-') {
        return !apiKeyPrefixWord(token);
    }
    return next != '.' || !token.starts_with("eyJ");
}

// The first byte of the token whose terminator is bit `terminator` of the window at `base`.
size_t tokenStart(std::string_view text, size_t base, unsigned terminator, Mask word,
                  Mask wordBefore) {
    // The byte after the last non-word byte before the terminator: in this window, the one
    // before, or further back for a token longer than a window.
    const Mask nonWordBefore = ~word & ((Mask{1} << terminator) - 1);
    if (nonWordBefore != 0) {
        return base + windowSize - static_cast<size_t>(std::countl_zero(nonWordBefore));
    }
    if (~wordBefore != 0) {
        return base - static_cast<size_t>(std::countl_zero(~wordBefore));
    }
    size_t begin = base - windowSize;
    while (begin > 0 && isWordByte(text[begin - 1])) {
        --begin;
    }
    return begin;
}

} // namespace

void tokensToMatch(std::string_view text, std::vector<size_t>& positions) {
    const size_t n = text.size();
    ByteMasks before = classifyWindow(text, -static_cast<std::ptrdiff_t>(windowSize));
    ByteMasks current = classifyWindow(text, 0);
    RunCarries carries;
    // A token that ends at the end of the text has its terminator at n, in the padding.
    for (size_t base = 0; base <= n; base += windowSize) {
        ByteMasks after = classifyWindow(text, static_cast<std::ptrdiff_t>(base + windowSize));
        const Stops stops = tokenStops(before, current, after, carries);
        const Mask tokens = stops.definite | stops.toRefine;
        for (Mask pending = tokens | current.trigger; pending != 0; pending &= pending - 1) {
            const unsigned bit = static_cast<unsigned>(std::countr_zero(pending));
            const size_t pos = base + bit;
            if (pos > n) {
                return;
            }
            if ((tokens >> bit) & 1) {
                size_t begin = tokenStart(text, base, bit, current.word, before.word);
                if (!((stops.toRefine >> bit) & 1) || !tokenInert(text, begin, pos)) {
                    positions.push_back(begin);
                }
            }
            if ((current.trigger >> bit) & 1) {
                positions.push_back(pos);
            }
        }
        before = current;
        current = after;
    }
}

} // namespace privaudit::runtime

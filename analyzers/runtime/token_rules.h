#pragma once

// The token filter's rules, written once for two kinds of mask: ScalarOps (one 64-bit word per
// 64-byte window, token_filter.cpp) and the AVX-512 ops of token_filter_avx512.cpp (eight
// windows per register). `Ops` supplies the mask type and the three operations that cross a
// window's edge: looking back and ahead a few bytes, and following runs.
//
// In an anonymous namespace on purpose: each translation unit compiles its own copy for its own
// target, so the linker can never pick AVX-512 code for a caller on a CPU without it.

#include "analyzers/runtime/byte_masks.h"

#include <cstdint>
#include <utility>

namespace privaudit::runtime {

// The tokens of one window the finder's step must visit, by terminator (the byte after the
// token), and the window's word bytes and triggers to find where those tokens start.
struct WindowStops {
    std::uint64_t definite;
    std::uint64_t toRefine; // visited unless tokenInert says the step does nothing with it
    std::uint64_t yearLead; // four digits before a date's "-MM": visited unless a recent year
    std::uint64_t trigger;
    std::uint64_t word;
};

// Whether a run of each kind the rules follow goes on across the edge into the next window.
struct RunCarries {
    bool anyDigit, goodDigit, allDigit, zeroLed, street, upper, capital, allUpper, encodedWord,
        apiKeyWord;
};

namespace {

template <typename Mask> struct Stops {
    Mask definite;
    Mask toRefine;
    Mask yearLead;
};

// atLeast[k]: the k bytes before are word bytes, so a token ending here is at least k long.
template <typename Ops, unsigned... k>
void runLengths(typename Ops::Mask word, typename Ops::Mask wordBefore, typename Ops::Mask* atLeast,
                std::integer_sequence<unsigned, k...>) {
    typename Ops::Mask run = ~typename Ops::Mask{};
    ((run &= Ops::template back<k + 1>(word, wordBefore), atLeast[k + 1] = run), ...);
}

// bytesAhead[i]: byte i ahead is in `current` (the window) or `next` (the one after it).
template <typename Ops, unsigned... i>
void aheadOf(typename Ops::Mask current, typename Ops::Mask next, typename Ops::Mask* bytesAhead,
             std::integer_sequence<unsigned, i...>) {
    ((bytesAhead[i + 1] = Ops::template ahead<i + 1>(current, next)), ...);
}

template <typename Mask> struct DottedNumbers {
    Mask dateOrAddress; // an address or a date with a two-digit year
    Mask fullYearDate;  // a date with a four-digit year: tokenInert looks at the year
};

// Where a number grouped by '.' from its first '.' on can be a date or an IPv4 address, the only
// shapes classify finds in dotted numbers: a date has groups of at most 2 and 2 digits and then
// 2 or 4; an address groups of at most 3, the third followed by '.' and a digit. The first
// group is at most `firstUpTo2` or `firstUpTo3` long.
template <typename Ops>
DottedNumbers<typename Ops::Mask> dottedDateOrAddress(const ClassMasks<typename Ops::Mask>& m,
                                                      const ClassMasks<typename Ops::Mask>& after,
                                                      typename Ops::Mask firstUpTo2,
                                                      typename Ops::Mask firstUpTo3) {
    using Mask = typename Ops::Mask;
    Mask d[11], dot[11];
    aheadOf<Ops>(m.digit, after.digit, d, std::make_integer_sequence<unsigned, 10>());
    aheadOf<Ops>(m.dot, after.dot, dot, std::make_integer_sequence<unsigned, 10>());
    Mask found{}, fullYear{};
    Mask secondDigits = ~Mask{};
    for (unsigned k = 1; k <= 3; ++k) {
        secondDigits &= d[k];
        const Mask second = secondDigits & dot[k + 1]; // exactly k digits, then '.'
        const unsigned q = k + 2;                      // where the third group starts
        const Mask address = (d[q] & dot[q + 1] & d[q + 2]) |
                             (d[q] & d[q + 1] & dot[q + 2] & d[q + 3]) |
                             (d[q] & d[q + 1] & d[q + 2] & dot[q + 3] & d[q + 4]);
        found |= second & address & firstUpTo3;
        if (k <= 2) {
            found |= second & d[q] & d[q + 1] & ~d[q + 2] & firstUpTo2;
            fullYear |= second & d[q] & d[q + 1] & d[q + 2] & d[q + 3] & ~d[q + 4] & firstUpTo2;
        }
    }
    return {m.dot & found, m.dot & fullYear};
}

// The terminators of the tokens in window (or windows) `m` that the finder's step may find
// something in: `definite` ones, and ones `toRefine` by looking at the token's bytes. Each rule
// mirrors what the step does with such a token; the comments name the code they mirror. Words of
// eight and more capitals stop only when `capitalWords` (CapitalWords in token_filter.h).
template <typename Ops>
Stops<typename Ops::Mask>
tokenStops(const ClassMasks<typename Ops::Mask>& before, const ClassMasks<typename Ops::Mask>& m,
           const ClassMasks<typename Ops::Mask>& after, RunCarries& carry, bool capitalWords) {
    using Mask = typename Ops::Mask;
    auto back = [](Mask current, Mask previous, auto k) {
        return Ops::template back<decltype(k)::value>(current, previous);
    };
    auto ahead = [](Mask current, Mask next, auto k) {
        return Ops::template ahead<decltype(k)::value>(current, next);
    };
    using One = std::integral_constant<unsigned, 1>;
    using Two = std::integral_constant<unsigned, 2>;

    const Mask word = m.word;
    Mask atLeast[21];
    runLengths<Ops>(word, before.word, atLeast, std::make_integer_sequence<unsigned, 20>());
    auto lengthIs = [&](unsigned k) {
        return atLeast[k] & ~atLeast[k + 1];
    };
    const Mask starts = word & ~atLeast[1];
    const Mask terminators = ~word & atLeast[1];

    // leftBoundaryOk fails: a joiner after a word byte ("ORD-4111", "v1.2").
    const Mask joinedLeft = back(m.joiner, before.joiner, One()) & back(word, before.word, Two());
    // mayFollowStreetName: a space after the last byte of a street suffix ("Musterstr. 12").
    const Mask afterStreetName =
        back(m.space, before.space, One()) & back(m.streetSuffixEnd, before.streetSuffixEnd, Two());
    const Mask digit1 = ahead(m.digit, after.digit, One());
    const Mask grouped = m.groupSeparator & digit1;
    const DottedNumbers<Mask> dotted =
        Ops::any(m.dot & digit1) ? dottedDateOrAddress<Ops>(m, after, ~atLeast[3], ~atLeast[4])
                                 : DottedNumbers<Mask>{};
    const Mask otherwiseGrouped = grouped & ~m.dot;
    const Mask scheme =
        m.colon & ahead(m.slash, after.slash, One()) & ahead(m.slash, after.slash, Two());

    const Mask digitStarts = starts & m.digit;
    const Mask goodDigitStarts = digitStarts & ~joinedLeft;
    const Mask anyDigit = Ops::afterRunsFrom(word, digitStarts, carry.anyDigit);
    const Mask goodDigit = Ops::afterRunsFrom(word, goodDigitStarts, carry.goodDigit);
    const Mask allDigit = Ops::afterRunsFrom(m.digit, goodDigitStarts, carry.allDigit) & ~word;
    // A number that opens with '0': a national phone number.
    const Mask zeroLed =
        Ops::afterRunsFrom(m.digit, goodDigitStarts & m.zero, carry.zeroLed) & ~word;
    const Mask streetNumber =
        Ops::afterRunsFrom(word, goodDigitStarts & afterStreetName, carry.street);

    const Mask upperStarts = starts & m.upper;
    const Mask upper = Ops::afterRunsFrom(word, upperStarts, carry.upper);
    const Mask capitalized =
        Ops::afterRunsFrom(word, upperStarts & ahead(m.lower, after.lower, One()), carry.capital);
    const Mask allUpper = Ops::afterRunsFrom(m.upper, upperStarts, carry.allUpper) & ~word;
    const Mask upperPair = back(m.upper, before.upper, One()) & back(m.upper, before.upper, Two());

    // Words that open like a bech32 address or a JWT, or like an API-key prefix.
    const Mask encodedWord = Ops::afterRunsFrom(
        word, starts & m.encodedInitial & ahead(m.encodedSecond, after.encodedSecond, One()),
        carry.encodedWord);
    const Mask apiKeyWord = Ops::afterRunsFrom(
        word, starts & m.apiKeyInitial & ahead(m.apiKeySecond, after.apiKeySecond, One()),
        carry.apiKeyWord);

    // Any token: an e-mail ('@'), a URL ("://"), an encoded run (EncodedSpans::word: a word of
    // 16 bytes and more that makes a run of 20 with the base64 bytes after it, none of which is
    // a space; "span_id 392456de3eb13b90" is none).
    Mask definite = terminators & (m.at | scheme | atLeast[20] | (atLeast[16] & ~m.space));
    // matchNumber: a global unicast IPv6 address opens with four hex digits and ':'.
    definite |= anyDigit & m.colon & lengthIs(4);
    // matchDigitGroups: a number grouped by ' ', '-' or '/', or a date or IP address grouped by
    // '.'; on its own, the lengths classify knows (PLZ 5, SSN and passport 9, NHS 10, Steuer-ID
    // 11, a phone number of 12 with its leading 0, cards 13-19); a short one only as a house
    // number.
    // A number grouped by '-' is one of them only when its first group has 3 or 4 digits (SSN,
    // NHS and US phone numbers, cards, ISO dates) or opens with a 0 (phone numbers): the others,
    // "Ticket 20264554-7428", "Artikel 377932-77", are nothing, on their own too, cut off by the
    // '-' and digit after them (rightBoundaryOk).
    const Mask otherDashGroup =
        allDigit & otherwiseGrouped & m.keyJoiner & ~lengthIs(3) & ~lengthIs(4) & ~zeroLed;
    // An 11-digit number on its own (a Steuer-ID?) and one of 13 and more (a card?) are left to
    // tokenInert, which checks.
    const Mask validatedNumber = allDigit & ~grouped & (lengthIs(11) | atLeast[13]);
    definite |= allDigit & ~otherDashGroup & ~validatedNumber &
                (otherwiseGrouped | dotted.dateOrAddress | lengthIs(5) |
                 (atLeast[9] & ~atLeast[12]) | atLeast[13] | (lengthIs(12) & zeroLed));
    // matchMixedToken: a Rentenversicherungsnummer (12).
    definite |= (goodDigit & ~allDigit) & lengthIs(12);
    // A house number (with a letter too) after a word that ends like a street suffix, and a date
    // with a four-digit year: tokenInert compares the suffixes and looks at the year.
    const Mask houseNumberOrDate =
        (allDigit & ((streetNumber & ~atLeast[5]) | dotted.fullYearDate)) |
        ((goodDigit & ~allDigit) & streetNumber & ~atLeast[6]);
    // matchUpperWord: two capitals before a space (NINO, "DE 123…"); from three bytes on, not
    // a capitalized word and not a short word of capitals (inertUpperWord); a long word of
    // capitals only when BICs count (every other shape has digits, an AWS key is 20 long); AWS
    // keys go on across '_' and '-' (a word of three before them is none of these shapes:
    // "INV-2026-841204").
    definite |= upper & upperPair & lengthIs(2) & m.space;
    definite |=
        upper & atLeast[3] & ~capitalized & (~allUpper | (capitalWords ? atLeast[8] : Mask{}));
    definite |= upper & m.keyJoiner & ~lengthIs(3);
    // recentDateLead: a log timestamp's year before '-', two digits and no third; matchLowerWord:
    // API-key prefixes before '_' or '-' (2 to 6 bytes), a JWT before '.' and bech32 addresses
    // (14 bytes and more), each a word that opens with two letters such a word can open with
    // ("sender_id", "span_id", "bot-gateway" and a UUID's groups do not). tokenInert looks at
    // their bytes.
    const Mask yearLead = allDigit & otherwiseGrouped & lengthIs(4) & m.keyJoiner &
                          Ops::template ahead<2>(m.digit, after.digit) &
                          ~Ops::template ahead<3>(m.digit, after.digit);
    const Mask lowerWord =
        (apiKeyWord & m.keyJoiner & ~atLeast[7]) | (encodedWord & (m.dot | atLeast[14]));
    // A year before '-' stops for nothing else (it is too short, its terminator is '-', and
    // recentDateLead comes before the house-number check): only its value remains to look at.
    return {definite & ~yearLead, (validatedNumber | houseNumberOrDate | lowerWord) & ~definite,
            yearLead};
}

} // namespace

// Fills stops[w] for every window w of the text, w = 0 .. size / 64 (the last one holds the
// terminator of a token that ends the text): with AVX-512 where the CPU has it
// (token_filter_avx512.cpp), else one window at a time.
// `capitalWords`: whether words of eight and more capitals stop (CapitalWords::Visit).
void tokenStopMasksScalar(const char* data, size_t size, bool capitalWords, WindowStops* stops);
void tokenStopMasksAvx512(const char* data, size_t size, bool capitalWords, WindowStops* stops);
bool avx512TokenStopsAvailable();

} // namespace privaudit::runtime

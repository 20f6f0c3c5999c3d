#include "analyzers/runtime/token_filter.h"

#include "analyzers/runtime/byte_masks.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"

#include <algorithm>
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

// The terminators (the first byte after a token) of every token in the window that is not
// provably inert. Each rule mirrors what the finder's step does with such a token; the comments
// name the code they mirror.
Mask tokenStops(const ByteMasks& before, const ByteMasks& m, const ByteMasks& after,
                RunCarries& carry) {
    const Mask word = m.word;
    const Mask wordBefore = fromBefore(word, before.word, 1);
    const Mask starts = word & ~wordBefore;
    const Mask terminators = ~word & wordBefore;

    // longer[k]: bytes i - k .. i - 1 are all word bytes, so a token ending before i is at least
    // k long. lengthIs(k): exactly k.
    std::array<Mask, 17> longer{};
    longer[0] = ~Mask{0};
    for (unsigned k = 1; k <= 16; ++k) {
        longer[k] = longer[k - 1] & fromBefore(word, before.word, k);
    }
    auto lengthIs = [&](unsigned k) {
        return longer[k] & ~longer[k + 1];
    };

    // leftBoundaryOk fails: a joiner after a word byte ("ORD-4111", "v1.2").
    const Mask joinedLeft =
        fromBefore(m.joiner, before.joiner, 1) & fromBefore(word, before.word, 2);
    // mayFollowStreetName: a space after the last byte of a street suffix ("Musterstr. 12").
    const Mask afterStreetName = fromBefore(m.space, before.space, 1) &
                                 fromBefore(m.streetSuffixEnd, before.streetSuffixEnd, 2);
    const Mask grouped = m.groupSeparator & fromAfter(m.digit, after.digit, 1);
    // A number grouped by '.' is a date or an IPv4 address or nothing (classify): it needs a
    // second group of at most three digits, and a third after another '.'.
    Mask secondDottedGroup = 0;
    for (unsigned k = 1; k <= 3; ++k) {
        Mask digits = ~Mask{0};
        for (unsigned i = 1; i <= k; ++i) {
            digits &= fromAfter(m.digit, after.digit, i);
        }
        secondDottedGroup |=
            digits & fromAfter(m.dot, after.dot, k + 1) & fromAfter(m.digit, after.digit, k + 2);
    }
    const Mask dottedNumber = m.dot & secondDottedGroup & ~longer[4];
    const Mask otherwiseGrouped = grouped & ~m.dot;
    const Mask scheme =
        m.colon & fromAfter(m.slash, after.slash, 1) & fromAfter(m.slash, after.slash, 2);

    const Mask digitStarts = starts & m.digit;
    const Mask goodDigitStarts = digitStarts & ~joinedLeft;
    const Mask goodDigit = afterRunsFrom(word, goodDigitStarts, carry.goodDigit);
    const Mask badDigit = afterRunsFrom(word, digitStarts & joinedLeft, carry.badDigit);
    const Mask allDigit = afterRunsFrom(m.digit, goodDigitStarts, carry.allDigit) & ~word;
    const Mask zeroLed = afterRunsFrom(word, goodDigitStarts & m.zero, carry.zeroDigit);
    const Mask streetNumber = afterRunsFrom(word, goodDigitStarts & afterStreetName, carry.street);

    const Mask upperStarts = starts & m.upper;
    const Mask upper = afterRunsFrom(word, upperStarts, carry.upper);
    const Mask capitalized =
        afterRunsFrom(word, upperStarts & fromAfter(m.lower, after.lower, 1), carry.capital);
    const Mask upperPair =
        afterRunsFrom(word, upperStarts & fromAfter(m.upper, after.upper, 1), carry.upperPair);
    const Mask allUpper = afterRunsFrom(m.upper, upperStarts, carry.allUpper) & ~word;

    const Mask lower = afterRunsFrom(word, starts & m.lower, carry.lower);

    // Any token: an e-mail ('@'), a URL ("://"), an encoded run (16 bytes and more).
    Mask stops = terminators & (m.at | scheme | longer[16]);
    // matchNumber: a global unicast IPv6 address opens with four hex digits and ':'.
    stops |= (goodDigit | badDigit) & m.colon & lengthIs(4);
    // matchDigitGroups: a number grouped by ' ', '-' or '/', or a date or IP address grouped by
    // '.'; on its own, the lengths classify knows (PLZ 5, SSN and
    // passport 9, NHS 10, Steuer-ID 11, a phone number of 12 with its leading 0, cards 13-19);
    // a short one only as a house number.
    stops |= allDigit & (otherwiseGrouped | dottedNumber | lengthIs(5) | (longer[9] & ~longer[12]) |
                         longer[13] | (lengthIs(12) & zeroLed) | (streetNumber & ~longer[5]));
    // matchMixedToken: a Rentenversicherungsnummer (12) or a house number with a letter.
    stops |= (goodDigit & ~allDigit) & (lengthIs(12) | (streetNumber & ~longer[6]));
    // matchUpperWord: two capitals before a space (NINO, "DE 123…"); from three bytes on, not
    // a capitalized word and not a short word of capitals (inertUpperWord); AWS keys go on
    // across '_' and '-'.
    stops |= upperPair & lengthIs(2) & m.space;
    stops |= upper & longer[3] & ~capitalized & (~allUpper | longer[8]);
    stops |= upper & m.keyJoiner;
    // matchLowerWord: API-key prefixes before '_' or '-', a JWT before '.', bech32 addresses
    // (14 bytes and more); lowerWordInert looks at the word itself.
    stops |= lower & (m.keyJoiner | m.dot | longer[14]);
    return stops;
}

// Whether matchNumber turns the digit-led token [begin, end) away at once: a log timestamp's
// year.
bool digitTokenInert(std::string_view text, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
        if (!isDigit(text[i])) {
            return false;
        }
    }
    return recentDateLead(text, begin, end);
}

// Whether the finder's step does nothing with a lower-case-led word of under 16 bytes that ends
// at `end` (inertWord, then matchLowerWord): it does something with a bech32 address ("bc1"), an
// API-key prefix word before '_' or '-', a JWT before '.' ("eyJ"), and a word before '@' or ':'.
bool lowerWordInert(std::string_view text, size_t begin, size_t end) {
    std::string_view word = text.substr(begin, end - begin);
    char next = at(text, end);
    if (word.size() >= 16 || text.substr(begin).starts_with("bc1") || next == '@' || next == ':') {
        return false;
    }
    if (next == '_' || next == '-') {
        return !apiKeyPrefixWord(word);
    }
    return next != '.' || !word.starts_with("eyJ");
}

} // namespace

TokenFilter::TokenFilter(std::string_view text)
    : text_(text), before_(classifyWindow(text, -static_cast<std::ptrdiff_t>(windowSize))),
      current_(classifyWindow(text, 0)), after_(classifyWindow(text, windowSize)) {
    stops_ = tokenStops(before_, current_, after_, carries_);
}

void TokenFilter::advance() {
    base_ += windowSize;
    before_ = current_;
    current_ = after_;
    after_ = classifyWindow(text_, static_cast<std::ptrdiff_t>(base_ + windowSize));
    stops_ = tokenStops(before_, current_, after_, carries_);
}

size_t TokenFilter::tokenStart(unsigned terminator) const {
    // The byte after the last non-word byte before the terminator: in this window, the one
    // before, or further back for a token longer than a window.
    const Mask nonWordBefore = ~current_.word & ((Mask{1} << terminator) - 1);
    if (nonWordBefore != 0) {
        return base_ + 64 - static_cast<size_t>(std::countl_zero(nonWordBefore));
    }
    if (~before_.word != 0) {
        return base_ - static_cast<size_t>(std::countl_zero(~before_.word));
    }
    size_t begin = base_ - windowSize;
    while (begin > 0 && isWordByte(text_[begin - 1])) {
        --begin;
    }
    return begin;
}

size_t TokenFilter::next(size_t from) {
    const size_t n = text_.size();
    if (from >= n) {
        return n;
    }
    if (from > 0 && isWordByte(text_[from]) && isWordByte(text_[from - 1])) {
        return from; // the last step ended inside a word: the finder starts a token there
    }
    while (from >= base_ + windowSize) {
        advance();
    }
    // The stops before `from` are behind the finder, and a stop at `from` itself is the end of
    // the token it has just visited. A token that ends at the end of the text has its
    // terminator at n, in the padding.
    Mask stops = stops_ & ~((Mask{2} << (from - base_)) - 1);
    Mask triggers = current_.trigger & ~((Mask{1} << (from - base_)) - 1);
    while (base_ <= n) {
        for (Mask pending = stops | triggers; pending != 0; pending &= pending - 1) {
            const unsigned bit = static_cast<unsigned>(std::countr_zero(pending));
            const size_t pos = base_ + bit;
            if (pos > n) {
                return n;
            }
            if ((stops >> bit) & 1) {
                size_t begin = std::max(tokenStart(bit), from);
                char first = at(text_, begin);
                bool inert = isLower(first)   ? lowerWordInert(text_, begin, pos)
                             : isDigit(first) ? digitTokenInert(text_, begin, pos)
                                              : false;
                if (!inert) {
                    return begin;
                }
            }
            if ((triggers >> bit) & 1) {
                return pos;
            }
        }
        advance();
        stops = stops_;
        triggers = current_.trigger;
    }
    return n;
}

} // namespace privaudit::runtime

#pragma once

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/char_classes.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

// The shape matchers findCandidates dispatches to. Each gets the token or trigger it starts at,
// appends the candidates whose validators pass and returns where scanning goes on: the end of
// what it matched, or 0 when nothing matched.
namespace privaudit::runtime {

// The word before a house number, when it names a street: "Musterstraße 12", "Baker Street 221".
inline constexpr std::string_view streetSuffixes[] = {
    "straße", "strasse",  "str.",  "weg",  "allee",  "platz", "gasse",  "ring", "damm",
    "ufer",   "chaussee", "steig", "pfad", "street", "road",  "avenue", "lane", "drive"};

// The words before the '_' or '-' of an API token ("sk_live_...", "ghp_...", "xoxb-...").
inline constexpr std::string_view apiKeyPrefixes[] = {"sk",   "rk",   "ghp",    "gho",   "ghu",
                                                      "ghs",  "ghr",  "github", "glpat", "xoxb",
                                                      "xoxp", "xoxa", "xoxr",   "xoxs"};

// The other lower-case words matchLowerWord does something with open like a bech32 address or a
// JWT.
inline constexpr std::string_view encodedWordOpenings[] = {"bc1", "eyJ"};

// The bytes that are letter `index` of one of `words`.
template <size_t n>
constexpr std::array<bool, 256> lettersAt(const std::string_view (&words)[n], size_t index) {
    std::array<bool, 256> table{};
    for (std::string_view word : words) {
        table[static_cast<unsigned char>(word[index])] = true;
    }
    return table;
}

// The last bytes of the suffixes, upper and lower case: most words before a number end
// otherwise, and need no suffix compared.
inline constexpr std::array<bool, 256> streetSuffixEnds = [] {
    std::array<bool, 256> table{};
    for (std::string_view suffix : streetSuffixes) {
        auto last = static_cast<unsigned char>(suffix.back());
        table[last] = true;
        if (last >= 'a' && last <= 'z') {
            table[last - 'a' + 'A'] = true;
        }
    }
    return table;
}();

// A run of digits (the token [begin, tokenEnd)), with the groups that follow it across single
// separators: cards, SSN, NHS, Steuer-ID, national phone numbers, dates, IPv4, PLZ, addresses.
size_t matchNumber(std::string_view text, size_t begin, size_t tokenEnd,
                   std::vector<Candidate>& out);
// The first year too recent for a birth date (five years back) as its four digits read as one
// big-endian number, so that four-digit years compare as those numbers do.
std::uint32_t firstRecentYearDigits();
// Whether the four digits at `begin` are a year too recent for a birth date: of the last five
// years or later. Inline, as the token filter asks it of the timestamp on each line of a log.
inline bool recentYear(std::string_view text, size_t begin) {
    static const std::uint32_t first = firstRecentYearDigits();
    std::uint32_t digits = 0;
    std::memcpy(&digits, text.data() + begin, sizeof digits);
    if constexpr (std::endian::native == std::endian::little) {
        digits = __builtin_bswap32(digits);
    }
    return digits >= first;
}
// A year of the last five years, '-' and two digits ("2026-11-03"): the log timestamp that
// matchNumber turns away first. [begin, tokenEnd) is a run of digits.
bool recentDateLead(std::string_view text, size_t begin, size_t tokenEnd);
// Whether matchNumber finds nothing at the digit-led token [begin, tokenEnd) of under 16 bytes,
// known from a look at it and the bytes around it: a year as recentDateLead, a number grouped by
// '-' that no shape starts with, a recent date ("12.03.2026"), a short number or a house number
// with a letter after no street name, an 11-digit number that is no Steuer-ID, a longer one that
// is no card (a timestamp in milliseconds). The token filter's refinement (token_filter.cpp).
bool numberInert(std::string_view text, size_t begin, size_t tokenEnd);
// A word that starts upper-case: IBAN, USt-IdNr, NINO, KVNR, ICAO documents, BIC, AWS keys.
size_t matchUpperWord(std::string_view text, size_t begin, size_t tokenEnd,
                      std::vector<Candidate>& out);
// A word that starts lower-case: API tokens with a known prefix, JWTs, bech32 addresses.
size_t matchLowerWord(std::string_view text, size_t begin, size_t tokenEnd,
                      std::vector<Candidate>& out);
// The lower-case word before the '_' or '-' of an API token ("sk", "ghp", "xoxb").
bool apiKeyPrefixWord(std::string_view word);

size_t matchEmail(std::string_view text, size_t atSign, std::vector<Candidate>& out);
size_t matchPlusPhone(std::string_view text, size_t plus, std::vector<Candidate>& out);
size_t matchParenthesizedPhone(std::string_view text, size_t paren, std::vector<Candidate>& out);
size_t matchUrlCredentials(std::string_view text, size_t schemeEnd, std::vector<Candidate>& out);
size_t matchIpv6(std::string_view text, size_t begin, std::vector<Candidate>& out);

// How telling an international number is (digits after "+" or "00"): strong when the calling
// code is DE/AT/CH/UK/US with that country's length, plain for other known codes, weak else.
Structure internationalPhoneStructure(std::string_view digits);

// Neighbour rules shared by the numeric shapes: a value must not continue a word or an
// identifier ("ORD-4111...", "v1.2.3", "4111....png"). Inline: asked for every number.
inline bool leftBoundaryOk(std::string_view text, size_t begin) {
    char prev = before(text, begin);
    if (isWordByte(prev)) {
        return false;
    }
    bool joiner =
        prev == '-' || prev == '_' || prev == '.' || prev == '/' || prev == '#' || prev == '+';
    return !(joiner && isWordByte(before(text, begin - 1)));
}

inline bool rightBoundaryOk(std::string_view text, size_t end) {
    char next = at(text, end);
    if (isWordByte(next) || next == '@') {
        return false;
    }
    bool joiner = next == '-' || next == '_' || next == '.' || next == '/';
    return !(joiner && isWordByte(at(text, end + 1)));
}

} // namespace privaudit::runtime

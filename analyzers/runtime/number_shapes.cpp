// Numeric shapes: a digit run and the digit groups that follow it across single separators
// (space, '-', '.', '/'), tried from the longest grouping down so "030 1234567 12.03.1985"
// still yields the phone number when the whole run is nothing.
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"
#include "analyzers/runtime/validators.h"

#include <array>
#include <chrono>
#include <string>

namespace privaudit::runtime {

namespace {

struct Part {
    size_t begin;
    size_t end;
    size_t length() const { return end - begin; }
};

constexpr size_t maxParts = 8;
constexpr size_t maxDigits = 24;

// Fixed-size, so the common case (a timestamp, an amount) allocates nothing.
struct DigitGroups {
    // Only the first `count` entries are set: left uninitialized, as this runs for every number.
    std::array<Part, maxParts> parts;
    size_t count = 0;
    std::array<char, maxParts> separatorChars; // [i] sits between parts[i] and parts[i + 1]

    std::string_view separators() const {
        return {separatorChars.data(), count > 0 ? count - 1 : 0};
    }
};

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return !text.empty();
}

DigitGroups collectGroups(std::string_view text, size_t begin, size_t tokenEnd) {
    DigitGroups groups;
    groups.parts[groups.count++] = {begin, tokenEnd};
    size_t digits = tokenEnd - begin;
    size_t pos = tokenEnd;
    while (groups.count < maxParts) {
        char sep = at(text, pos);
        if ((sep != ' ' && sep != '-' && sep != '.' && sep != '/') || !isDigit(at(text, pos + 1))) {
            break;
        }
        size_t end = pos + 1;
        while (end < text.size() && isDigit(text[end])) {
            ++end;
        }
        if (isWordByte(at(text, end)) || digits + (end - pos - 1) > maxDigits) {
            break;
        }
        digits += end - pos - 1;
        groups.separatorChars[groups.count - 1] = sep;
        groups.parts[groups.count++] = {pos + 1, end};
        pos = end;
    }
    return groups;
}

int currentYear() {
    static const int year = [] {
        auto today = std::chrono::year_month_day(
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
        return static_cast<int>(today.year());
    }();
    return year;
}

int number(std::string_view text, const Part& part) {
    int value = 0;
    for (size_t i = part.begin; i < part.end && i < part.begin + 9; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool uniform(std::string_view separators, std::string_view allowed) {
    if (separators.empty()) {
        return true;
    }
    return allowed.find(separators[0]) != std::string_view::npos &&
           separators.find_first_not_of(separators[0]) == std::string_view::npos;
}

bool lengthsAre(const std::array<Part, maxParts>& parts, size_t count,
                std::initializer_list<size_t> lengths) {
    if (count != lengths.size()) {
        return false;
    }
    size_t i = 0;
    for (size_t length : lengths) {
        if (parts[i++].length() != length) {
            return false;
        }
    }
    return true;
}

bool cardGrouping(const std::array<Part, maxParts>& parts, size_t count) {
    if (count == 1) {
        return true;
    }
    if (lengthsAre(parts, count, {4, 6, 5}) || lengthsAre(parts, count, {4, 6, 4})) {
        return true;
    }
    for (size_t i = 0; i + 1 < count; ++i) {
        if (parts[i].length() != 4) {
            return false;
        }
    }
    return count >= 4 && parts[count - 1].length() >= 1 && parts[count - 1].length() <= 4;
}

// "... 4488 5128 5768 6408 7048 7688 ...": card-sized groups inside a longer run of four-digit
// groups joined the same way are a row of a number table (offsets, histogram bounds), and one
// window in ten of such a row passes Luhn. A card printed in groups stands alone.
bool insideGroupRun(std::string_view text, const DigitGroups& g, size_t count) {
    const char separator = g.separatorChars[0];
    const size_t begin = g.parts[0].begin;
    bool groupBefore = begin >= 5 && text[begin - 1] == separator &&
                       allDigits(text.substr(begin - 5, 4)) && !isDigit(before(text, begin - 5));
    bool groupAfter =
        g.count > count && g.separatorChars[count - 1] == separator && g.parts[count].length() == 4;
    return groupBefore || groupAfter;
}

// A birth date: plausible and at least five years ago, so this week's log timestamps are not.
bool birthDate(int year, int month, int day) {
    return plausibleDate(year, month, day) && year <= currentYear() - 5;
}

bool dateShape(std::string_view text, const DigitGroups& g, size_t count) {
    if (count != 3 || !uniform(g.separators().substr(0, 2), "./-")) {
        return false;
    }
    const auto& p = g.parts;
    int a = number(text, p[0]), b = number(text, p[1]), c = number(text, p[2]);
    char sep = g.separators()[0];
    if (sep == '-' && p[0].length() == 4 && p[1].length() == 2 && p[2].length() == 2) {
        return birthDate(a, b, c);
    }
    if (p[0].length() > 2 || p[1].length() > 2 || (p[2].length() != 4 && p[2].length() != 2)) {
        return false;
    }
    int year = p[2].length() == 4 ? c : (c + 2000 > currentYear() ? 1900 + c : 2000 + c);
    if (sep == '.') {
        return birthDate(year, b, a);
    }
    return sep == '/' && (birthDate(year, b, a) || birthDate(year, a, b));
}

bool publicIpv4(std::string_view text, const DigitGroups& g, size_t count) {
    if (count != 4 || !uniform(g.separators().substr(0, 3), ".")) {
        return false;
    }
    int octets[4];
    for (size_t i = 0; i < 4; ++i) {
        const Part& part = g.parts[i];
        if (part.length() > 3 || (part.length() > 1 && text[part.begin] == '0')) {
            return false;
        }
        octets[i] = number(text, part);
        if (octets[i] > 255) {
            return false;
        }
    }
    int a = octets[0], b = octets[1];
    // "1.16.4.3", "7.1.1.1": a version or section number. Public addresses this small are
    // resolvers and routers (1.1.1.1, 8.8.8.8, 9.9.9.9), no one's personal data.
    int singleDigits = (octets[1] < 10) + (octets[2] < 10) + (octets[3] < 10);
    if (a < 10 && singleDigits >= 2) {
        return false;
    }
    bool reserved = a == 0 || a == 10 || a == 127 || a >= 224 || (a == 169 && b == 254) ||
                    (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
                    (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0 && octets[2] == 2) ||
                    (a == 198 && b == 51 && octets[2] == 100) ||
                    (a == 203 && b == 0 && octets[2] == 113);
    return !reserved;
}

// Mobile numbers of Germany, the UK, Austria and Switzerland, with their national lengths.
bool mobileNumber(std::string_view digits) {
    size_t n = digits.size();
    bool german =
        (digits.starts_with("015") || digits.starts_with("016") || digits.starts_with("017")) &&
        (n == 11 || n == 12);
    bool british = digits.starts_with("07") && n == 11;
    bool austrian = digits.starts_with("06") && n >= 10 && n <= 13;
    bool swiss =
        (digits.starts_with("075") || digits.starts_with("076") || digits.starts_with("077") ||
         digits.starts_with("078") || digits.starts_with("079")) &&
        n == 10;
    return german || british || austrian || swiss;
}

// What a house number needs before it: a space after a word ending like a street suffix.
// Inline, so the short numbers of a log (times, counts) are turned away without a call.
inline bool mayFollowStreetName(std::string_view text, size_t numberBegin) {
    return before(text, numberBegin) == ' ' && numberBegin >= 4 &&
           streetSuffixEnds[static_cast<unsigned char>(text[numberBegin - 2])];
}

size_t streetStart(std::string_view text, size_t numberBegin) {
    if (!mayFollowStreetName(text, numberBegin)) {
        return std::string_view::npos;
    }
    size_t wordEnd = numberBegin - 1;
    for (std::string_view suffix : streetSuffixes) {
        if (wordEnd <= suffix.size() || toLowerAscii(text[wordEnd - 1]) != suffix.back()) {
            continue;
        }
        size_t tail = wordEnd - suffix.size();
        bool same = true;
        for (size_t i = 0; i < suffix.size() && same; ++i) {
            same = toLowerAscii(text[tail + i]) == suffix[i];
        }
        if (!same || !isWordByte(text[tail - 1])) {
            continue;
        }
        size_t start = tail;
        while (start > 0 && (isWordByte(text[start - 1]) || text[start - 1] == '-')) {
            --start;
        }
        return isUpper(text[start]) ? start : std::string_view::npos;
    }
    return std::string_view::npos;
}

// ", 10115 Berlin" after a house number.
size_t postalCodeAndCity(std::string_view text, size_t pos) {
    if (text.substr(pos, 2) != ", ") {
        return 0;
    }
    size_t plzEnd = pos + 2;
    while (plzEnd < text.size() && isDigit(text[plzEnd])) {
        ++plzEnd;
    }
    if (plzEnd - pos - 2 != 5 || at(text, plzEnd) != ' ' || !isUpper(at(text, plzEnd + 1))) {
        return 0;
    }
    size_t cityEnd = plzEnd + 1;
    while (cityEnd < text.size() && isWordByte(text[cityEnd])) {
        ++cityEnd;
    }
    return cityEnd;
}

bool matchAddress(std::string_view text, size_t begin, size_t numberEnd,
                  std::vector<Candidate>& out) {
    size_t start = streetStart(text, begin);
    if (start == std::string_view::npos) {
        return false;
    }
    size_t cityEnd = postalCodeAndCity(text, numberEnd);
    size_t end = cityEnd ? cityEnd : numberEnd;
    out.push_back({start, end, Recognizer::StreetAddress,
                   cityEnd ? Structure::Strong : Structure::Plain,
                   std::string(text.substr(start, end - start))});
    return true;
}

void push(std::vector<Candidate>& out, size_t begin, size_t end, Recognizer recognizer,
          Structure structure, const std::string& digits) {
    out.push_back({begin, end, recognizer, structure, digits});
}

// Every shape the first `count` groups can be; true when one matched.
bool classify(std::string_view text, const DigitGroups& g, size_t count,
              std::vector<Candidate>& out) {
    const auto& p = g.parts;
    size_t begin = p[0].begin, end = p[count - 1].end;
    std::string_view seps = g.separators().substr(0, count - 1);
    if (dateShape(text, g, count)) {
        push(out, begin, end, Recognizer::DateOfBirth, Structure::Plain,
             std::string(text.substr(begin, end - begin)));
        return true;
    }
    if (count == 3 && ((p[0].length() == 4 && seps == "--") ||
                       (p[2].length() == 4 && (seps == ".." || seps == "//")))) {
        return false; // a date, but not a birth date
    }
    if (publicIpv4(text, g, count)) {
        push(out, begin, end, Recognizer::IpAddress, Structure::Plain,
             std::string(text.substr(begin, end - begin)));
        return true;
    }
    if (seps.find_first_of("./") != std::string_view::npos &&
        seps.find_first_not_of("/ ") != std::string_view::npos) {
        return false; // dotted numbers are versions, amounts and dates, not identifiers
    }
    std::string digits;
    for (size_t i = 0; i < count; ++i) {
        digits += text.substr(p[i].begin, p[i].length());
    }
    size_t before = out.size();
    bool spaced = uniform(seps, " -");
    if (digits.size() >= 13 && digits.size() <= 19 && spaced && cardGrouping(p, count) &&
        (count == 1 || !insideGroupRun(text, g, count)) && !cardScheme(digits).empty() &&
        luhnValid(digits)) {
        // 16 digits (15 for Amex) are the cards people type; a bare 13- or 17-19-digit run is
        // far more often a numeric id, so it needs context.
        bool usual = digits.size() == 16 || digits.size() == 15;
        Structure structure = count > 1 ? Structure::Strong
                              : usual   ? Structure::Plain
                                        : Structure::Weak;
        push(out, begin, end, Recognizer::CreditCard, structure, digits);
    }
    if (((lengthsAre(p, count, {3, 2, 4}) && spaced) || count == 1) && usSsnValid(digits)) {
        push(out, begin, end, Recognizer::UsSsn, count == 1 ? Structure::Weak : Structure::Plain,
             digits);
    }
    if (((lengthsAre(p, count, {3, 3, 4}) && spaced) || count == 1) && nhsNumberValid(digits)) {
        push(out, begin, end, Recognizer::UkNhs, count == 1 ? Structure::Weak : Structure::Plain,
             digits);
    }
    if ((count == 1 || (lengthsAre(p, count, {2, 3, 3, 3}) && uniform(seps, " "))) &&
        germanTaxIdValid(digits)) {
        push(out, begin, end, Recognizer::DeTaxId,
             count == 1 ? Structure::Plain : Structure::Strong, digits);
    }
    // Toll-free and premium-rate service numbers belong to companies, not customers.
    bool serviceNumber = digits.starts_with("0800") || digits.starts_with("0180") ||
                         digits.starts_with("0900") || digits.starts_with("0137");
    bool phoneSeparators =
        seps.find_first_not_of(" -/") == std::string_view::npos && count <= 4 && !serviceNumber;
    // After the international prefix 00 comes a country code, and none starts with 0.
    if (phoneSeparators && digits.starts_with("00") && digits[2] != '0' && digits.size() >= 10 &&
        digits.size() <= 17) {
        std::string international = "+";
        international.append(digits, 2);
        push(out, begin, end, Recognizer::Phone, internationalPhoneStructure(digits.substr(2)),
             international);
    } else if (phoneSeparators && digits[0] == '0' && digits[1] != '0' && digits.size() >= 9 &&
               digits.size() <= 12 && !lengthsAre(p, count, {3, 2, 4})) {
        push(out, begin, end, Recognizer::Phone,
             mobileNumber(digits) ? Structure::Strong : Structure::Plain, digits);
    } else if (lengthsAre(p, count, {3, 3, 4}) && spaced && digits[0] >= '2' && digits[3] >= '2') {
        push(out, begin, end, Recognizer::Phone, Structure::Plain, digits);
    }
    if (count == 1 && digits.size() == 9) {
        push(out, begin, end, Recognizer::Passport, Structure::Weak, digits);
    }
    if (count == 1 && digits.size() == 5 && digits >= "01001" && digits <= "99998") {
        push(out, begin, end, Recognizer::DePlz, Structure::Weak, digits);
    }
    if (count == 1 && digits.size() <= 4 && matchAddress(text, begin, end, out)) {
        return true;
    }
    return out.size() > before;
}

// A digit-led token with letters: Rentenversicherungsnummer, Ethereum address, house number
// with a letter ("12a").
size_t matchMixedToken(std::string_view text, size_t begin, size_t end,
                       std::vector<Candidate>& out) {
    std::string_view token = text.substr(begin, end - begin);
    if (token.size() == 12 && germanPensionNumberValid(token)) {
        out.push_back(
            {begin, end, Recognizer::DeSocialSecurity, Structure::Strong, std::string(token)});
        return end;
    }
    if (token.size() == 42 && token.starts_with("0x") &&
        token.substr(2).find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos) {
        out.push_back({begin, end, Recognizer::CryptoWallet, Structure::Weak, std::string(token)});
        return end;
    }
    if (token.size() <= 5 && isLower(token.back()) &&
        allDigits(token.substr(0, token.size() - 1)) && !isWordByte(at(text, end)) &&
        matchAddress(text, begin, end, out)) {
        return out.back().end;
    }
    return 0;
}

// A digit run and the groups after it, tried from the longest grouping down. Not inlined, so
// matchNumber, entered for every number, keeps a small frame: most leave before grouping.
[[gnu::noinline]] size_t matchDigitGroups(std::string_view text, size_t begin, size_t tokenEnd,
                                          std::vector<Candidate>& out) {
    DigitGroups groups = collectGroups(text, begin, tokenEnd);
    for (size_t count = groups.count; count > 0; --count) {
        size_t end = groups.parts[count - 1].end;
        if (rightBoundaryOk(text, end) && classify(text, groups, count, out)) {
            return out.back().end > end ? out.back().end : end;
        }
    }
    return 0;
}

} // namespace

std::uint32_t firstRecentYearDigits() {
    const std::string year = std::to_string(currentYear() - 4);
    std::uint32_t digits = 0;
    for (char digit : year) {
        digits = digits << 8 | static_cast<unsigned char>(digit);
    }
    return digits;
}

// "2026-11-03 09:14:02", "2026-11-03T09:14": a log timestamp, on every line of most logs. A
// run that opens with a year of the last five years, '-' and two digits is none of the shapes
// classify knows in two or more groups (not a birth date, too recent; the wrong group lengths
// for cards, SSN, NHS and tax numbers; not a phone number, which starts with 0), and the year
// on its own is cut off by the '-' and digit after it (rightBoundaryOk): nothing, known before
// the groups are collected. The digit token [begin, tokenEnd) is all digits.
bool recentDateLead(std::string_view text, size_t begin, size_t tokenEnd) {
    return tokenEnd - begin == 4 && at(text, tokenEnd) == '-' && isDigit(at(text, tokenEnd + 1)) &&
           isDigit(at(text, tokenEnd + 2)) && !isDigit(at(text, tokenEnd + 3)) &&
           recentYear(text, begin);
}

namespace {

// "12.03.2026": a date whose four-digit year is too recent for a birth date, the only date
// classify reports in numbers grouped by '.' with a year of four digits (an IPv4 address has no
// group of four). The digit token [begin, tokenEnd) is its day.
bool recentDottedDate(std::string_view text, size_t begin, size_t tokenEnd) {
    size_t month = tokenEnd + 1, monthEnd = month;
    while (monthEnd < text.size() && isDigit(text[monthEnd])) {
        ++monthEnd;
    }
    size_t year = monthEnd + 1;
    return tokenEnd - begin <= 2 && at(text, tokenEnd) == '.' && monthEnd - month >= 1 &&
           monthEnd - month <= 2 && at(text, monthEnd) == '.' && isDigit(at(text, year)) &&
           isDigit(at(text, year + 1)) && isDigit(at(text, year + 2)) &&
           isDigit(at(text, year + 3)) && !isDigit(at(text, year + 4)) && recentYear(text, year);
}

} // namespace

bool numberInert(std::string_view text, size_t begin, size_t tokenEnd) {
    const size_t length = tokenEnd - begin;
    const char next = at(text, tokenEnd);
    if (next == ':' && length == 4 && (text[begin] == '2' || text[begin] == '3')) {
        return false; // perhaps an IPv6 address
    }
    if (!allDigits(text.substr(begin, length))) {
        // matchMixedToken: a 12-byte pension number, a 42-byte wallet, a short house number.
        return length <= 5 && streetStart(text, begin) == std::string_view::npos;
    }
    const bool grouped = (next == ' ' || next == '-' || next == '.' || next == '/') &&
                         isDigit(at(text, tokenEnd + 1));
    if (!grouped) {
        // On its own, a short number is only a house number; a long one that does not open with
        // a 0 (a phone number) only a Steuer-ID (11 digits) or a card (13 to 15, under 16).
        const std::string_view digits = text.substr(begin, length);
        if (length < 5) {
            return streetStart(text, begin) == std::string_view::npos;
        }
        if (digits[0] == '0') {
            return false;
        }
        if (length == 11) {
            return !germanTaxIdValid(digits);
        }
        return length >= 13 && (cardScheme(digits).empty() || !luhnValid(digits));
    }
    // Grouped by '-', only a first group of 3 or 4 digits or a leading 0 opens a shape (SSN, NHS
    // and US phone numbers, cards, ISO dates; national phone numbers), and the group is cut off
    // on its own by the '-' and digit after it.
    return recentDateLead(text, begin, tokenEnd) ||
           (next == '-' && length != 3 && length != 4 && text[begin] != '0') ||
           recentDottedDate(text, begin, tokenEnd);
}

size_t matchNumber(std::string_view text, size_t begin, size_t tokenEnd,
                   std::vector<Candidate>& out) {
    char first = text[begin];
    // A global unicast IPv6 address (2000::/3) opens with a group of four hex digits.
    if ((first == '2' || first == '3') && tokenEnd - begin == 4 && at(text, tokenEnd) == ':') {
        if (size_t end = matchIpv6(text, begin, out)) {
            return end;
        }
    }
    if (!leftBoundaryOk(text, begin)) {
        return 0;
    }
    if (!allDigits(text.substr(begin, tokenEnd - begin))) {
        return matchMixedToken(text, begin, tokenEnd, out);
    }
    if (tokenEnd - begin > maxDigits) {
        return 0;
    }
    char next = at(text, tokenEnd);
    bool grouped = (next == ' ' || next == '-' || next == '.' || next == '/') &&
                   isDigit(at(text, tokenEnd + 1));
    if (recentDateLead(text, begin, tokenEnd)) {
        return 0;
    }
    if (!grouped && tokenEnd - begin < 5) {
        // A short number on its own is only ever a house number.
        return mayFollowStreetName(text, begin) && rightBoundaryOk(text, tokenEnd) &&
                       matchAddress(text, begin, tokenEnd, out)
                   ? out.back().end
                   : 0;
    }
    return matchDigitGroups(text, begin, tokenEnd, out);
}

} // namespace privaudit::runtime

// Shapes started by a literal trigger: '@' (e-mail), '+' and '(' (phone numbers), "://"
// (credentials in URLs), and IPv6 addresses.
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"

#include <arpa/inet.h>
#include <string>

namespace privaudit::runtime {

namespace {

bool localPartChar(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool domainChar(char c) {
    return isAsciiAlnum(c) || c == '-' || c == '.';
}

bool knownTopLevelDomain(std::string_view tld) {
    if (tld.size() == 2) {
        return tld != "js" && tld != "ts";
    }
    static constexpr std::string_view generic[] = {
        "com",     "net",     "org",    "edu",     "gov",     "mil",        "int",       "info",
        "biz",     "name",    "pro",    "mobi",    "app",     "dev",        "online",    "site",
        "shop",    "store",   "tech",   "cloud",   "email",   "mail",       "xyz",       "top",
        "club",    "live",    "group",  "company", "digital", "agency",     "solutions", "services",
        "network", "systems", "world",  "today",   "media",   "news",       "blog",      "page",
        "web",     "website", "space",  "berlin",  "hamburg", "bayern",     "koeln",     "nrw",
        "wien",    "swiss",   "london", "nyc",     "bank",    "insurance",  "health",    "care",
        "family",  "life",    "love",   "me",      "works",   "consulting", "gmbh",      "legal"};
    for (std::string_view known : generic) {
        if (tld == known) {
            return true;
        }
    }
    return false;
}

// Mailboxes of systems, not of people.
bool roleMailbox(std::string_view local) {
    std::string lower;
    for (char c : local) {
        lower += toLowerAscii(c);
    }
    for (std::string_view role :
         {"noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster"}) {
        if (lower == role) {
            return true;
        }
    }
    return false;
}

// Country calling codes of the phone formats this recognizer knows in detail, with the
// number of digits (code included) a full number has there.
struct CallingCode {
    std::string_view code;
    size_t minDigits;
    size_t maxDigits;
};
constexpr CallingCode detailedCodes[] = {
    {"1", 11, 11}, {"49", 10, 14}, {"43", 10, 13}, {"41", 11, 11}, {"44", 12, 12},
};

bool otherCallingCode(std::string_view digits) {
    static constexpr std::string_view codes[] = {
        "7",   "20",  "27",  "30",  "31",  "32",  "33",  "34",  "36",  "39",  "40",  "45",  "46",
        "47",  "48",  "51",  "52",  "53",  "54",  "55",  "56",  "57",  "58",  "60",  "61",  "62",
        "63",  "64",  "65",  "66",  "81",  "82",  "84",  "86",  "90",  "91",  "92",  "93",  "94",
        "95",  "98",  "351", "352", "353", "354", "356", "357", "358", "359", "370", "371", "372",
        "380", "381", "385", "386", "420", "421", "971", "972", "966"};
    for (std::string_view code : codes) {
        if (digits.starts_with(code)) {
            return true;
        }
    }
    return false;
}

} // namespace

Structure internationalPhoneStructure(std::string_view digits) {
    for (const CallingCode& code : detailedCodes) {
        if (digits.starts_with(code.code)) {
            bool fits = digits.size() >= code.minDigits && digits.size() <= code.maxDigits;
            bool nanpArea = code.code != "1" || digits[1] >= '2';
            return fits && nanpArea ? Structure::Strong : Structure::Weak;
        }
    }
    return otherCallingCode(digits) && digits.size() >= 9 ? Structure::Plain : Structure::Weak;
}

size_t matchEmail(std::string_view text, size_t atSign, std::vector<Candidate>& out) {
    size_t begin = atSign;
    while (begin > 0 && atSign - begin < 64 && localPartChar(text[begin - 1])) {
        --begin;
    }
    while (begin < atSign && !isAsciiAlnum(text[begin])) {
        ++begin; // leading punctuation belongs to the text around the address
    }
    std::string_view local = text.substr(begin, atSign - begin);
    if (local.empty() || local.back() == '.' || isWordByte(before(text, begin)) ||
        roleMailbox(local)) {
        return 0;
    }
    size_t end = atSign + 1;
    while (end < text.size() && domainChar(text[end])) {
        ++end;
    }
    while (end > atSign + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
        --end;
    }
    std::string_view domain = text.substr(atSign + 1, end - atSign - 1);
    size_t lastDot = domain.rfind('.');
    if (lastDot == std::string_view::npos || lastDot == 0 ||
        domain.find("..") != std::string_view::npos || isWordByte(at(text, end)) ||
        at(text, end) == '@') {
        return 0;
    }
    std::string_view tld = domain.substr(lastDot + 1);
    for (char c : tld) {
        if (!isLower(c) && !isUpper(c)) {
            return 0;
        }
    }
    std::string lowerTld;
    for (char c : tld) {
        lowerTld += toLowerAscii(c);
    }
    if (!knownTopLevelDomain(lowerTld)) {
        return 0;
    }
    out.push_back({begin, end, Recognizer::Email, Structure::Plain,
                   std::string(text.substr(begin, end - begin))});
    return end;
}

size_t matchPlusPhone(std::string_view text, size_t plus, std::vector<Candidate>& out) {
    std::string digits;
    size_t pos = plus + 1;
    size_t end = pos;
    bool lastWasSeparator = false;
    while (pos < text.size() && digits.size() <= 15) {
        char c = text[pos];
        if (isDigit(c)) {
            digits += c;
            end = ++pos;
            lastWasSeparator = false;
        } else if (text.substr(pos, 3) == "(0)") {
            pos += 3; // the trunk prefix written in international numbers: +49 (0)30 ...
            lastWasSeparator = false;
        } else if ((c == ' ' || c == '-' || c == '/' || c == '(' || c == ')') &&
                   !lastWasSeparator &&
                   (isDigit(at(text, pos + 1)) || at(text, pos + 1) == '(' || c == ')')) {
            lastWasSeparator = c != ')';
            ++pos;
        } else {
            break;
        }
    }
    if (digits.size() < 8 || digits.size() > 15 || !rightBoundaryOk(text, end)) {
        return 0;
    }
    out.push_back(
        {plus, end, Recognizer::Phone, internationalPhoneStructure(digits), "+" + digits});
    return end;
}

size_t matchParenthesizedPhone(std::string_view text, size_t paren, std::vector<Candidate>& out) {
    if (isWordByte(before(text, paren))) {
        return 0;
    }
    size_t close = paren + 1;
    while (close < text.size() && isDigit(text[close])) {
        ++close;
    }
    size_t areaLength = close - paren - 1;
    if (at(text, close) != ')' || areaLength < 3 || areaLength > 5 || at(text, close + 1) != ' ') {
        return 0;
    }
    std::string digits(text.substr(paren + 1, areaLength));
    size_t pos = close + 2;
    size_t end = pos;
    int separators = 0;
    while (pos < text.size()) {
        if (isDigit(text[pos])) {
            digits += text[pos];
            end = ++pos;
        } else if ((text[pos] == '-' || text[pos] == ' ') && isDigit(at(text, pos + 1)) &&
                   separators++ < 1) {
            ++pos;
        } else {
            break;
        }
    }
    bool german = digits[0] == '0' && digits.size() >= 9 && digits.size() <= 12;
    bool american = areaLength == 3 && digits[0] >= '2' && digits.size() == 10 && digits[3] >= '2';
    if ((!german && !american) || !rightBoundaryOk(text, end)) {
        return 0;
    }
    out.push_back({paren, end, Recognizer::Phone, Structure::Strong, digits});
    return end;
}

size_t matchUrlCredentials(std::string_view text, size_t schemeEnd, std::vector<Candidate>& out) {
    size_t userBegin = schemeEnd + 3;
    size_t pos = userBegin;
    size_t colon = std::string_view::npos;
    while (pos < text.size() && pos - userBegin < 256) {
        char c = text[pos];
        if (c == '@' || c == '/' || c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' ||
            c == '\\' || c == '\t') {
            break;
        }
        if (c == ':' && colon == std::string_view::npos) {
            colon = pos;
        }
        ++pos;
    }
    // The user may be empty (redis://:password@host), the password may not.
    if (at(text, pos) != '@' || colon == std::string_view::npos || colon + 1 == pos ||
        !isAsciiAlnum(at(text, pos + 1))) {
        return 0;
    }
    std::string_view password = text.substr(colon + 1, pos - colon - 1);
    char first = password[0];
    if (first == '$' || first == '{' || first == '<' || first == '%' || first == '*') {
        return 0; // a reference or a placeholder, not a password
    }
    std::string lower;
    for (char c : password) {
        lower += toLowerAscii(c);
    }
    for (std::string_view placeholder :
         {"password", "pass", "secret", "changeme", "xxx", "xxxx", "pwd", "passwd", "redacted"}) {
        if (lower == placeholder) {
            return 0;
        }
    }
    out.push_back(
        {colon + 1, pos, Recognizer::UrlCredentials, Structure::Strong, std::string(password)});
    return pos;
}

size_t matchIpv6(std::string_view text, size_t begin, std::vector<Candidate>& out) {
    size_t end = begin;
    int colons = 0;
    while (end < text.size() && end - begin < 45 &&
           (isHex(text[end]) || text[end] == ':' || text[end] == '.')) {
        colons += text[end] == ':';
        ++end;
    }
    while (end > begin && (text[end - 1] == '.' || text[end - 1] == ':')) {
        if (text[end - 1] == ':' && end - begin >= 2 && text[end - 2] == ':') {
            break;
        }
        colons -= text[end - 1] == ':';
        --end;
    }
    if (colons < 2 || isWordByte(at(text, end)) || !leftBoundaryOk(text, begin)) {
        return 0;
    }
    std::string address(text.substr(begin, end - begin));
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, address.c_str(), bytes) != 1) {
        return 0;
    }
    bool globalUnicast = (bytes[0] & 0xe0) == 0x20;
    bool documentation =
        bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8;
    if (!globalUnicast || documentation) {
        return 0;
    }
    out.push_back({begin, end, Recognizer::IpAddress, Structure::Plain, address});
    return end;
}

} // namespace privaudit::runtime

// Alphanumeric shapes that start with a letter: bank and tax identifiers, document numbers and
// tokens with a known prefix.
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"
#include "analyzers/runtime/validators.h"

#include <string>

namespace privaudit::runtime {

namespace {

bool allOf(std::string_view text, bool (*predicate)(char)) {
    for (char c : text) {
        if (!predicate(c)) {
            return false;
        }
    }
    return !text.empty();
}

bool upperOrDigit(char c) {
    return isUpper(c) || isDigit(c);
}

bool keyChar(char c) {
    return isAsciiAlnum(c) || c == '_' || c == '-';
}

size_t extend(std::string_view text, size_t pos, bool (*predicate)(char)) {
    while (pos < text.size() && predicate(text[pos])) {
        ++pos;
    }
    return pos;
}

// The characters German ID cards and passports use: digits and consonants without B, D, Q, S.
bool icaoDocumentChar(char c) {
    return isDigit(c) || (isUpper(c) && c != 'A' && c != 'B' && c != 'D' && c != 'E' && c != 'I' &&
                          c != 'O' && c != 'Q' && c != 'S' && c != 'U');
}

size_t firstDigit(std::string_view token) {
    for (size_t i = 0; i < token.size(); ++i) {
        if (isDigit(token[i])) {
            return i;
        }
    }
    return std::string_view::npos;
}

// "DE89 3704 0044 0532 0130 00": the groups after the first, up to the country's length.
size_t matchGroupedIban(std::string_view text, size_t end, int length, std::string& compact) {
    while (static_cast<int>(compact.size()) < length && at(text, end) == ' ') {
        size_t groupEnd = extend(text, end + 1, upperOrDigit);
        size_t groupLength = groupEnd - end - 1;
        if (groupLength == 0 || groupLength > 4 || isWordByte(at(text, groupEnd))) {
            break;
        }
        compact += text.substr(end + 1, groupLength);
        end = groupEnd;
    }
    return static_cast<int>(compact.size()) == length ? end : 0;
}

size_t matchIban(std::string_view text, size_t begin, size_t tokenEnd,
                 std::vector<Candidate>& out) {
    std::string_view token = text.substr(begin, tokenEnd - begin);
    int length = ibanLength(token.substr(0, 2));
    if (length == 0 || !isDigit(token[2]) || !isDigit(token[3]) || !allOf(token, upperOrDigit)) {
        return 0;
    }
    std::string compact(token);
    size_t end = tokenEnd;
    if (static_cast<int>(token.size()) != length) {
        end = token.size() == 4 ? matchGroupedIban(text, tokenEnd, length, compact) : 0;
    }
    if (end == 0 || !ibanValid(compact) || !rightBoundaryOk(text, end)) {
        return 0;
    }
    out.push_back({begin, end, Recognizer::Iban, Structure::Strong, compact});
    return end;
}

// "DE 123 456 789" or "AB 12 34 56 C": a two-letter prefix followed by spaced groups.
std::string spacedGroups(std::string_view text, size_t pos, std::initializer_list<size_t> lengths,
                         size_t& end) {
    std::string compact;
    for (size_t length : lengths) {
        if (at(text, pos) != ' ') {
            return {};
        }
        size_t groupEnd = extend(text, pos + 1, isAsciiAlnum);
        if (groupEnd - pos - 1 != length) {
            return {};
        }
        compact += text.substr(pos + 1, length);
        pos = groupEnd;
    }
    end = pos;
    return compact;
}

size_t matchApiKey(std::string_view text, size_t begin, std::vector<Candidate>& out) {
    size_t end = extend(text, begin, keyChar);
    std::string_view key = text.substr(begin, end - begin);
    struct Prefix {
        std::string_view prefix;
        size_t minRest;
    };
    static constexpr Prefix prefixes[] = {
        {"sk_live_", 16}, {"sk_test_", 16},    {"rk_live_", 16}, {"sk-proj-", 32}, {"sk-ant-", 32},
        {"sk-", 32},      {"ghp_", 36},        {"gho_", 36},     {"ghu_", 36},     {"ghs_", 36},
        {"ghr_", 36},     {"github_pat_", 50}, {"glpat-", 20},   {"xoxb-", 20},    {"xoxp-", 20},
        {"xoxa-", 20},    {"xoxr-", 20},       {"xoxs-", 20},    {"AKIA", 16},     {"ASIA", 16},
        {"AIza", 35},
    };
    for (const Prefix& prefix : prefixes) {
        if (!key.starts_with(prefix.prefix)) {
            continue;
        }
        std::string_view rest = key.substr(prefix.prefix.size());
        if (rest.size() < prefix.minRest || shannonEntropy(rest) < 3.0 ||
            isWordByte(at(text, end))) {
            return 0;
        }
        out.push_back({begin, end, Recognizer::ApiKey, Structure::Strong, std::string(key)});
        return end;
    }
    return 0;
}

// header.payload.signature, the first two base64url JSON objects ("eyJ" is '{"').
size_t matchJwt(std::string_view text, size_t begin, std::vector<Candidate>& out) {
    size_t pos = begin;
    for (int segment = 0; segment < 3; ++segment) {
        size_t end = extend(text, pos, keyChar);
        if (end - pos < 10 || (segment < 2 && text.substr(pos, 3) != "eyJ")) {
            return 0;
        }
        pos = end;
        if (segment < 2) {
            if (at(text, pos) != '.') {
                return 0;
            }
            ++pos;
        }
    }
    out.push_back({begin, pos, Recognizer::ApiKey, Structure::Strong,
                   std::string(text.substr(begin, pos - begin))});
    return pos;
}

} // namespace

size_t matchUpperWord(std::string_view text, size_t begin, size_t tokenEnd,
                      std::vector<Candidate>& out) {
    std::string_view token = text.substr(begin, tokenEnd - begin);
    if (isWordByte(before(text, begin)) || token.size() < 2) {
        return 0;
    }
    if (token.starts_with("AKIA") || token.starts_with("ASIA") || token.starts_with("AIza")) {
        return matchApiKey(text, begin, out);
    }
    if (!leftBoundaryOk(text, begin)) {
        return 0;
    }
    if (token.size() >= 4 && isUpper(token[1])) {
        if (size_t end = matchIban(text, begin, tokenEnd, out)) {
            return end;
        }
    }
    size_t end = tokenEnd;
    if (token == "DE") {
        std::string digits = spacedGroups(text, tokenEnd, {3, 3, 3}, end);
        if (!digits.empty() && germanVatIdValid(digits) && rightBoundaryOk(text, end)) {
            out.push_back({begin, end, Recognizer::DeVatId, Structure::Strong, "DE" + digits});
            return end;
        }
        return 0;
    }
    if (token.size() == 2) {
        std::string rest = spacedGroups(text, tokenEnd, {2, 2, 2, 1}, end);
        std::string nino = std::string(token) + rest;
        if (!rest.empty() && ukNinoValid(nino) && rightBoundaryOk(text, end)) {
            out.push_back({begin, end, Recognizer::UkNino, Structure::Strong, nino});
            return end;
        }
        return 0;
    }
    if (!rightBoundaryOk(text, tokenEnd) || !allOf(token, upperOrDigit)) {
        return 0;
    }
    size_t before = out.size();
    std::string value(token);
    if (token.size() == 11 && token.starts_with("DE") && germanVatIdValid(token.substr(2))) {
        out.push_back({begin, tokenEnd, Recognizer::DeVatId, Structure::Plain, value});
    }
    if (ukNinoValid(token)) {
        out.push_back({begin, tokenEnd, Recognizer::UkNino, Structure::Plain, value});
    }
    if (germanHealthInsuranceNumberValid(token)) {
        out.push_back({begin, tokenEnd, Recognizer::DeHealthInsurance, Structure::Plain, value});
    }
    bool documentChars = (token.size() == 9 || token.size() == 10) && isUpper(token[0]) &&
                         allOf(token, icaoDocumentChar) &&
                         firstDigit(token) != std::string_view::npos;
    if (documentChars &&
        (token.size() == 9 ||
         (token.size() == 10 && icaoCheckDigit(token.substr(0, 9)) == token[9] - '0'))) {
        Structure structure = token.size() == 10 ? Structure::Strong : Structure::Plain;
        out.push_back({begin, tokenEnd, Recognizer::DeIdCard, structure, value});
        out.push_back({begin, tokenEnd, Recognizer::DePassport, structure, value});
    }
    size_t letters = firstDigit(token);
    if (letters >= 1 && letters <= 2 && token.size() - letters >= 6 &&
        token.size() - letters <= 8 && allOf(token.substr(letters), isDigit)) {
        out.push_back({begin, tokenEnd, Recognizer::Passport, Structure::Weak, value});
    }
    if ((token.size() == 8 || token.size() == 11) && allOf(token.substr(0, 4), isUpper) &&
        isCountryCode(token.substr(4, 2))) {
        out.push_back({begin, tokenEnd, Recognizer::Bic, Structure::Plain, value});
    }
    return out.size() > before ? tokenEnd : 0;
}

size_t matchLowerWord(std::string_view text, size_t begin, size_t tokenEnd,
                      std::vector<Candidate>& out) {
    std::string_view token = text.substr(begin, tokenEnd - begin);
    if (isWordByte(before(text, begin))) {
        return 0;
    }
    char next = at(text, tokenEnd);
    if (token.starts_with("eyJ") && next == '.') {
        return matchJwt(text, begin, out);
    }
    if (token.starts_with("bc1") && bech32AddressValid(token) && rightBoundaryOk(text, tokenEnd)) {
        out.push_back(
            {begin, tokenEnd, Recognizer::CryptoWallet, Structure::Plain, std::string(token)});
        return tokenEnd;
    }
    if ((next == '_' || next == '-') && apiKeyPrefixWord(token)) {
        return matchApiKey(text, begin, out);
    }
    return 0;
}

bool apiKeyPrefixWord(std::string_view word) {
    if (word.size() < 2 || word.size() > 6) {
        return false;
    }
    for (std::string_view prefix : apiKeyPrefixes) {
        if (word[0] == prefix[0] && word == prefix) {
            return true;
        }
    }
    return false;
}

} // namespace privaudit::runtime

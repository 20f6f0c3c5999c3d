#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/shapes.h"
#include "analyzers/runtime/token_filter.h"

#include <array>

namespace privaudit::runtime {

std::string_view recognizerId(Recognizer recognizer) {
    static constexpr std::string_view ids[] = {
        "email",
        "phone",
        "credit-card",
        "iban",
        "bic",
        "ip-address",
        "url-credentials",
        "date-of-birth",
        "us-ssn",
        "uk-nino",
        "uk-nhs",
        "passport",
        "crypto-wallet",
        "api-key",
        "de-tax-id",
        "de-social-security",
        "de-health-insurance",
        "de-id-card",
        "de-passport",
        "de-vat-id",
        "de-plz",
        "street-address",
    };
    return ids[static_cast<size_t>(recognizer)];
}

std::optional<Recognizer> recognizerNamed(std::string_view id) {
    for (size_t i = 0; i < recognizerCount; ++i) {
        if (recognizerId(static_cast<Recognizer>(i)) == id) {
            return static_cast<Recognizer>(i);
        }
    }
    return std::nullopt;
}

namespace {

bool schemeEnd(std::string_view text, size_t end) {
    return at(text, end) == ':' && text.substr(end, 3) == "://";
}

size_t matchToken(std::string_view text, size_t begin, size_t end, std::vector<Candidate>& out) {
    if (at(text, end) == '@') {
        return matchEmail(text, end, out);
    }
    if (schemeEnd(text, end)) {
        return matchUrlCredentials(text, end, out);
    }
    switch (charClasses[static_cast<unsigned char>(text[begin])]) {
    case Digit:
        return matchNumber(text, begin, end, out);
    case Upper:
        return matchUpperWord(text, begin, end, out);
    case Lower:
        return matchLowerWord(text, begin, end, out);
    default:
        return 0;
    }
}

bool base64Char(char c) {
    return isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
}

bool urlEncodedChar(char c) {
    return isAsciiAlnum(c) || c == '%' || c == '.' || c == '_' || c == '~' || c == '+' ||
           c == '-' || c == '=' || c == '&';
}

bool escapedTextChar(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '@';
}

constexpr size_t minEncodedRun = 20;

class EncodedSpans {
public:
    explicit EncodedSpans(std::string_view text, std::vector<EncodedSpan>& out)
        : text_(text), out_(out) {}

    // A long word may be the start of a base64 or hex run.
    void word(size_t begin, size_t end) {
        if (end - begin < 16 || covered(begin) || base64Char(before(text_, begin))) {
            return;
        }
        while (end < text_.size() && base64Char(text_[end])) {
            ++end;
        }
        add(begin, end, EncodedSpan::Kind::Base64OrHex, minEncodedRun);
    }

    void percent(size_t at) {
        if (covered(at) || !isHex(runtime::at(text_, at + 1)) ||
            !isHex(runtime::at(text_, at + 2))) {
            return;
        }
        size_t begin = at, end = at;
        while (begin > 0 && urlEncodedChar(text_[begin - 1])) {
            --begin;
        }
        while (end < text_.size() && urlEncodedChar(text_[end])) {
            ++end;
        }
        add(begin, end, EncodedSpan::Kind::Percent, 3);
    }

    void backslash(size_t at) {
        if (covered(at) || runtime::at(text_, at + 1) != 'u') {
            return;
        }
        size_t begin = at, end = at;
        while (begin > 0 && escapedTextChar(text_[begin - 1])) {
            --begin;
        }
        while (end < text_.size()) {
            if (text_[end] == '\\' && runtime::at(text_, end + 1) == 'u') {
                end += 2;
            } else if (escapedTextChar(text_[end])) {
                ++end;
            } else {
                break;
            }
        }
        add(begin, end, EncodedSpan::Kind::UnicodeEscape, 6);
    }

private:
    bool covered(size_t pos) const { return !out_.empty() && pos < out_.back().end; }
    void add(size_t begin, size_t end, EncodedSpan::Kind kind, size_t minLength) {
        if (end - begin >= minLength) {
            out_.push_back({begin, end, kind});
        }
    }

    std::string_view text_;
    std::vector<EncodedSpan>& out_;
};

// Bytes that end a lower-case word without making it a candidate (see plainWord below).
inline constexpr std::array<bool, 256> plainWordEnds = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
        table[c] =
            charClasses[c] == Other && c != '@' && c != ':' && c != '_' && c != '-' && c != '.';
    }
    return table;
}();

// What matchUpperWord rejects at once: a capitalized word ("Artikelnummer"; it wants upper
// case or digits after the first letter, or "AIza"), or an all-letter word in capitals shorter
// than a BIC ("INFO", "AGENT"; every other shape it knows holds digits), but not an AWS key
// prefix.
bool inertUpperWord(std::string_view token) {
    if (isLower(token[1])) {
        return !token.starts_with("AIza");
    }
    if (token.size() > 7 || token.starts_with("AKIA") || token.starts_with("ASIA")) {
        return false;
    }
    for (char c : token) {
        if (!isUpper(c)) {
            return false;
        }
    }
    return true;
}

// A word (shorter than an encoded run) that starts no shape and is followed by no trigger:
// the prose of every language, skipped without dispatch. Mirrors matchToken and the matchers.
bool inertWord(std::string_view text, size_t begin, size_t end) {
    unsigned char next = static_cast<unsigned char>(at(text, end));
    switch (charClasses[static_cast<unsigned char>(text[begin])]) {
    case Lower:
        if (text.substr(begin).starts_with("bc1")) {
            return false;
        }
        // "trace_id", "bot-gateway", a UUID's groups: at '_' or '-' only an API key goes on.
        return plainWordEnds[next] ||
               ((next == '_' || next == '-') && !apiKeyPrefixWord(text.substr(begin, end - begin)));
    case Upper: // "AGENT:" in a transcript is inert, "HTTPS://" is not
        return next != '@' && !schemeEnd(text, end) && end - begin >= 3 &&
               inertUpperWord(text.substr(begin, end - begin));
    case High:
        return next != '@' && !schemeEnd(text, end);
    default:
        return false;
    }
}

} // namespace

size_t findCandidatesAt(std::string_view text, size_t i, std::vector<Candidate>& out,
                        std::vector<EncodedSpan>& encoded) {
    EncodedSpans spans(text, encoded);
    char c = text[i];
    if (!isWordByte(c)) {
        size_t resume = 0;
        if (c == '+' && isDigit(at(text, i + 1)) && !isWordByte(before(text, i))) {
            resume = matchPlusPhone(text, i, out);
        } else if (c == '(' && isDigit(at(text, i + 1))) {
            resume = matchParenthesizedPhone(text, i, out);
        } else if (c == '%') {
            spans.percent(i);
        } else if (c == '\\') {
            spans.backslash(i);
        }
        return resume ? resume : i + 1;
    }
    size_t end = i + 1;
    while (end < text.size() && isWordByte(text[end])) {
        ++end;
    }
    if (end - i < 16 && inertWord(text, i, end)) {
        return end;
    }
    spans.word(i, end);
    char next = at(text, end);
    bool plainWord = isLower(c) && plainWordEnds[static_cast<unsigned char>(next)] &&
                     !(c == 'b' && text.substr(i, 3) == "bc1");
    if (plainWord) {
        return end; // a long lower-case word: no shape starts with it
    }
    size_t resume = matchToken(text, i, end, out);
    return resume > end ? resume : end;
}

void findCandidatesVisiting(std::string_view text, std::span<const size_t> positions,
                            std::vector<Candidate>& out, std::vector<EncodedSpan>& encoded) {
    size_t i = 0;
    for (size_t position : positions) {
        if (position < i) {
            continue; // inside what the last step matched
        }
        i = findCandidatesAt(text, position, out, encoded);
        // A step that ended inside a word: the finder starts a token there.
        while (i < text.size() && i > 0 && isWordByte(text[i]) && isWordByte(text[i - 1])) {
            i = findCandidatesAt(text, i, out, encoded);
        }
    }
}

void findCandidates(std::string_view text, std::vector<Candidate>& out,
                    std::vector<EncodedSpan>& encoded) {
    thread_local std::vector<size_t> positions;
    positions.clear();
    tokensToMatch(text, positions);
    findCandidatesVisiting(text, positions, out, encoded);
}

} // namespace privaudit::runtime

#include "analyzers/runtime/probe/canary_matcher.h"

#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <cctype>
#include <openssl/evp.h>
#include <optional>
#include <ranges>
#include <utility>

namespace privaudit::runtime::probe {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percentDecoded(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i] == '+' ? ' ' : text[i];
        }
    }
    return out;
}

// \uXXXX (with surrogate pairs folded to one code point) and the one-letter escapes.
std::string jsonUnescaped(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 >= text.size()) {
            out += text[i];
            continue;
        }
        char next = text[i + 1];
        if (next == 'u' && i + 5 < text.size()) {
            unsigned code = 0;
            bool valid = true;
            for (size_t k = i + 2; k < i + 6; ++k) {
                valid = valid && hexValue(text[k]) >= 0;
                code = code * 16 + static_cast<unsigned>(std::max(hexValue(text[k]), 0));
            }
            if (valid) {
                appendUtf8(out, code);
                i += 5;
                continue;
            }
        }
        static constexpr std::string_view plain = "\"\\/";
        if (plain.find(next) != std::string_view::npos) {
            out += next;
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

// &#64; &#x40; and the five named references XML knows.
std::string htmlUnescaped(std::string_view text) {
    static const std::pair<std::string_view, char> named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        size_t end = text.find(';', i);
        std::string_view reference =
            end == std::string_view::npos ? "" : text.substr(i, end - i + 1);
        if (reference.size() > 3 && reference[1] == '#') {
            bool hex = reference[2] == 'x' || reference[2] == 'X';
            unsigned code = 0;
            bool valid = reference.size() > (hex ? 4u : 3u);
            for (char c : reference.substr(hex ? 3 : 2, reference.size() - (hex ? 4 : 3))) {
                int digit = hex ? hexValue(c)
                                : (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : -1);
                valid = valid && digit >= 0;
                code = code * (hex ? 16 : 10) + static_cast<unsigned>(std::max(digit, 0));
            }
            if (valid) {
                appendUtf8(out, code);
                i = end;
                continue;
            }
        }
        auto known = std::ranges::find(named, reference, &std::pair<std::string_view, char>::first);
        if (known != std::end(named)) {
            out += known->second;
            i = end;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        unsigned chunk = static_cast<unsigned char>(bytes[i]) << 16;
        size_t have = std::min<size_t>(3, bytes.size() - i);
        if (have > 1) {
            chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        }
        if (have > 2) {
            chunk |= static_cast<unsigned char>(bytes[i + 2]);
        }
        for (size_t k = 0; k < 4; ++k) {
            out += k <= have ? alphabet[(chunk >> (18 - 6 * k)) & 63] : '=';
        }
    }
    return out;
}

// The base64 characters that encode only the value's own bytes when it starts at byte offset
// `alignment` of a 3-byte group: whatever surrounds it, these appear.
std::string base64Middle(const std::string& value, size_t alignment) {
    std::string encoded = base64(std::string(alignment, '\0') + value);
    size_t skip = alignment == 0 ? 0 : (alignment == 1 ? 2 : 3);
    size_t total = alignment + value.size();
    size_t complete = total / 3 * 4; // characters covering whole groups
    return encoded.substr(skip, complete > skip ? complete - skip : 0);
}

std::string hexOf(std::string_view bytes) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string digest(const EVP_MD* algorithm, std::string_view bytes) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_Digest(bytes.data(), bytes.size(), out, &size, algorithm, nullptr);
    return std::string(reinterpret_cast<const char*>(out), size);
}

// Unsalted digests of the value and of its normalised form, as hex and as unpadded base64:
// what a store that "anonymises" by hashing keeps, and anyone can recompute from a guess.
std::vector<std::pair<std::string, std::string>> digestsOf(const std::string& value,
                                                           const std::string& folded) {
    const std::pair<const char*, const EVP_MD*> algorithms[] = {{"unsalted SHA-256", EVP_sha256()},
                                                                {"unsalted SHA-1", EVP_sha1()},
                                                                {"unsalted MD5", EVP_md5()}};
    std::vector<std::pair<std::string, std::string>> digests;
    for (const std::string& form : {value, folded}) {
        for (auto [name, algorithm] : algorithms) {
            std::string raw = digest(algorithm, form);
            std::string encoded = base64(raw);
            encoded.erase(encoded.find_last_not_of('=') + 1);
            digests.emplace_back(name, hexOf(raw));
            digests.emplace_back(std::string(name) + ", base64", encoded);
        }
    }
    return digests;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Other ways a bot may write the value: a birth date in German and US order, an address's
// street line (which carries the tag) without postcode and town.
std::vector<std::pair<std::string, std::string>> alternativeForms(const Canary& canary) {
    if (canary.kind == CanaryKind::BirthDate && canary.value.size() == 10) {
        std::string year = canary.value.substr(0, 4);
        std::string month = canary.value.substr(5, 2);
        std::string day = canary.value.substr(8, 2);
        return {{"date reformatted", day + "." + month + "." + year},
                {"date reformatted", month + "/" + day + "/" + year}};
    }
    if (canary.kind == CanaryKind::Address) {
        return {{"street line only", canary.value.substr(0, canary.value.find(','))}};
    }
    return {};
}

size_t sharedPrefixLength(std::string_view a, std::string_view b) {
    return static_cast<size_t>(std::ranges::mismatch(a, b).in1 - a.begin());
}

size_t sharedSuffixLength(std::string_view a, std::string_view b) {
    return static_cast<size_t>(
        std::ranges::mismatch(a | std::views::reverse, b | std::views::reverse).in1 -
        (a | std::views::reverse).begin());
}

// How many visible characters of a masked value must tell customers apart.
constexpr size_t minimumDistinctiveCharacters = 4;

} // namespace

std::string foldForMatching(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '-') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

CanaryMatcher::CanaryMatcher(const std::vector<SyntheticCustomer>& customers) {
    for (size_t i = 0; i < customers.size(); ++i) {
        for (const Canary& canary : customers[i].canaries) {
            Needle needle{static_cast<int>(i), canary.kind, {}, {}, hexOf(canary.value)};
            needle.forms.push_back({"", canary.value, foldForMatching(canary.value)});
            for (auto& [label, text] : alternativeForms(canary)) {
                std::string folded = foldForMatching(text);
                needle.forms.push_back({std::move(label), std::move(text), std::move(folded)});
            }
            for (size_t alignment = 0; alignment < 3; ++alignment) {
                needle.base64Middles.push_back(base64Middle(canary.value, alignment));
            }
            needle.digests = digestsOf(canary.value, needle.forms.front().folded);
            needle.sharedPrefix = needle.forms.front().folded.size();
            needle.sharedSuffix = needle.sharedPrefix;
            needles_.push_back(std::move(needle));
        }
    }
    for (Needle& needle : needles_) {
        for (const Needle& other : needles_) {
            if (other.kind == needle.kind && other.customer != needle.customer) {
                const std::string& mine = needle.forms.front().folded;
                const std::string& theirs = other.forms.front().folded;
                needle.sharedPrefix =
                    std::min(needle.sharedPrefix, sharedPrefixLength(mine, theirs));
                needle.sharedSuffix =
                    std::min(needle.sharedSuffix, sharedSuffixLength(mine, theirs));
            }
        }
    }
}

std::optional<std::string> CanaryMatcher::maskedMatch(const Needle& needle,
                                                      const MaskRuns& masked) const {
    const std::string& value = needle.forms.front().folded;
    for (size_t run = 0; run < masked.runs.size(); ++run) {
        VisibleFragment visible = visibleAround(masked, run, value);
        size_t distinctive =
            (visible.prefix > needle.sharedPrefix ? visible.prefix - needle.sharedPrefix : 0) +
            (visible.suffix > needle.sharedSuffix ? visible.suffix - needle.sharedSuffix : 0);
        if (distinctive < minimumDistinctiveCharacters) {
            continue;
        }
        std::string_view prefix = std::string_view(value).substr(0, visible.prefix);
        std::string_view suffix = std::string_view(value).substr(value.size() - visible.suffix);
        bool unique = std::ranges::none_of(needles_, [&](const Needle& other) {
            const std::string& theirs = other.forms.front().folded;
            return other.customer != needle.customer && theirs.starts_with(prefix) &&
                   theirs.ends_with(suffix);
        });
        if (unique) {
            return "masked, " +
                   (visible.prefix > 0 ? "first " + std::to_string(visible.prefix) + " and "
                                       : std::string()) +
                   "last " + std::to_string(visible.suffix) + " characters visible";
        }
    }
    return std::nullopt;
}

std::vector<CanaryMatch> CanaryMatcher::find(std::string_view text) const {
    struct View {
        std::string name;
        std::string text;
        std::string folded;
    };
    std::vector<View> views;
    auto addView = [&](std::string name, std::string decoded) {
        if (views.empty() || decoded != views.front().text) {
            std::string folded = foldForMatching(decoded);
            views.push_back({std::move(name), std::move(decoded), std::move(folded)});
        }
    };
    addView("as sent", std::string(text));
    addView("JSON-escaped", jsonUnescaped(text));
    addView("percent-encoded", percentDecoded(text));
    addView("HTML-escaped", htmlUnescaped(text));
    std::string lowered = lower(text);
    std::vector<MaskRuns> masked;
    for (const View& view : views) {
        masked.push_back(findMaskRuns(view.text));
    }

    std::vector<CanaryMatch> matches;
    for (const Needle& needle : needles_) {
        std::optional<std::string> how;
        for (size_t v = 0; v < views.size() && !how; ++v) {
            const View& view = views[v];
            for (const Form& form : needle.forms) {
                bool literal = view.text.find(form.text) != std::string::npos;
                if (!literal && view.folded.find(form.folded) == std::string::npos) {
                    continue;
                }
                std::vector<std::string> steps;
                if (v > 0) {
                    steps.push_back(view.name);
                }
                if (!form.label.empty()) {
                    steps.push_back(form.label);
                }
                if (!literal) {
                    steps.push_back("case or spacing changed");
                }
                how = steps.empty() ? "as sent" : steps.front();
                for (size_t s = 1; s < steps.size(); ++s) {
                    *how += ", " + steps[s];
                }
                break;
            }
        }
        for (const std::string& middle : needle.base64Middles) {
            if (!how && middle.size() >= 8 && text.find(middle) != std::string_view::npos) {
                how = "base64";
            }
        }
        if (!how && lowered.find(needle.hex) != std::string::npos) {
            how = "hex";
        }
        for (const auto& [name, digestText] : needle.digests) {
            std::string_view haystack = name.ends_with("base64") ? text : lowered;
            if (!how && haystack.find(digestText) != std::string_view::npos) {
                how = name;
            }
        }
        if (how) {
            matches.push_back({needle.customer, needle.kind, *how, false});
            continue;
        }
        for (size_t v = 0; v < masked.size() && !how; ++v) {
            how = maskedMatch(needle, masked[v]);
        }
        if (how) {
            matches.push_back({needle.customer, needle.kind, *how, true});
        }
    }
    return matches;
}

} // namespace privaudit::runtime::probe

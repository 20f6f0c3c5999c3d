#pragma once

#include "analyzers/runtime/probe/canaries.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privaudit::runtime::probe {

struct CanaryMatch {
    int customer = 0;           // index into the customers the matcher was built from
    CanaryKind kind{};          // which of that customer's canaries
    std::string transformation; // "as sent", "case or spacing changed", "base64", ...
};

// Finds every customer's canaries in text, also when the text changed them on the way: case,
// spacing and hyphens; JSON \u escapes, percent-encoding and HTML character references;
// base64 (any of the three alignments) and hex; unsalted MD5, SHA-1 and SHA-256 digests of the
// value as sent or normalised (lower case, no spaces or hyphens: "+12025550123"), in hex or
// base64. One match per canary and text, the most literal form first.
class CanaryMatcher {
public:
    explicit CanaryMatcher(const std::vector<SyntheticCustomer>& customers);

    std::vector<CanaryMatch> find(std::string_view text) const;

private:
    struct Needle {
        int customer;
        CanaryKind kind;
        std::string value;
        std::string folded;                     // case, spacing and hyphens removed
        std::vector<std::string> base64Middles; // one per alignment
        std::string hex;
        std::vector<std::pair<std::string, std::string>> digests; // transformation, digest text
    };
    std::vector<Needle> needles_;
};

// Lower case without spaces, tabs, line breaks and hyphens: how the matcher compares.
std::string foldForMatching(std::string_view text);

} // namespace privaudit::runtime::probe

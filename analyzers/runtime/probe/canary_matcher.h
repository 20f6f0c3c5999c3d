#pragma once

#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/masked_fragment.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privaudit::runtime::probe {

struct CanaryMatch {
    int customer = 0;           // index into the customers the matcher was built from
    CanaryKind kind{};          // which of that customer's canaries
    std::string transformation; // "as sent", "case or spacing changed", "base64", ...
    bool masked = false;        // only a fragment shows, the rest is masked ("**** 1234")
};

// Finds every customer's canaries in text, also when the text changed them on the way: case,
// spacing and hyphens; JSON \u escapes, percent-encoding and HTML character references;
// base64 (any of the three alignments) and hex; unsalted MD5, SHA-1 and SHA-256 digests of the
// value as sent or normalised (lower case, no spaces or hyphens: "+12025550123"), in hex or
// base64; birth dates written DD.MM.YYYY or MM/DD/YYYY; an address's street line alone. One
// match per canary and text, the most literal form first.
//
// A masked display counts too, when what stays visible identifies the customer: the characters
// right before and after a run of mask characters (*, #, x, •) are the value's first and last
// characters, at least 4 of them are not shared by every customer's value of that kind (the card
// prefix 411111, the IBAN's "DE", "@example.com"), and no other customer's value of that kind
// has the same visible characters. So "**** **** **** 1234" is this customer's card when no
// other customer's card ends in 1234; "m***@example.com" is nobody's.
class CanaryMatcher {
public:
    explicit CanaryMatcher(const std::vector<SyntheticCustomer>& customers);

    std::vector<CanaryMatch> find(std::string_view text) const;

private:
    struct Form {
        std::string label; // how it differs from the value; empty for the value itself
        std::string text;
        std::string folded; // case, spacing and hyphens removed
    };
    struct Needle {
        int customer;
        CanaryKind kind;
        std::vector<Form> forms;                // the value first
        std::vector<std::string> base64Middles; // one per alignment
        std::string hex;
        std::vector<std::pair<std::string, std::string>> digests; // transformation, digest text
        size_t sharedPrefix = 0; // folded characters every customer's value of the kind begins with
        size_t sharedSuffix = 0; // ... ends with
    };
    std::optional<std::string> maskedMatch(const Needle& needle, const MaskRuns& masked) const;

    std::vector<Needle> needles_;
};

// Lower case without spaces, tabs, line breaks and hyphens: how the matcher compares.
std::string foldForMatching(std::string_view text);

} // namespace privaudit::runtime::probe

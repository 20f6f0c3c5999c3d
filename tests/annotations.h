#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace privaudit::testing {

// "file:line rule" — one expected or actual finding.
struct Mark {
    std::string file; // relative to the source tree's root
    int line = 0;
    std::string rule;
    friend auto operator<=>(const Mark&, const Mark&) = default;
};

struct Annotations {
    std::set<Mark> expected; // `expect: RULE` marks
    std::set<Mark> ok;       // `ok: RULE` marks: lines that must not be flagged
};

// Reads the annotations of every file under `folder` (relative to `root`): `expect:` / `ok:`
// after `//` or `#` at the end of a line, and for JSON files and logs the sibling
// `NAME.expect` / `NAME.json.expect` with `LINE RULE-ID` lines.
Annotations readAnnotations(const std::string& root, const std::vector<std::string>& folders);

// The active (unsuppressed) findings in a privaudit JSON report.
std::set<Mark> findingsOfJsonReport(const std::string& json);

// Every disagreement between annotations and findings, one readable line each; empty when
// they match exactly both ways.
std::vector<std::string> compareAnnotations(const Annotations& annotations,
                                            const std::set<Mark>& findings);

} // namespace privaudit::testing

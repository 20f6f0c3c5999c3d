#include "tests/token_filter_oracle.h"

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/json_line_filter.h"
#include "analyzers/runtime/json_values.h"

#include <tuple>
#include <vector>

namespace privaudit::testing {

namespace {

using runtime::Candidate;
using runtime::EncodedSpan;

// The finder without the filter: a step at every byte that is not plainly inert (a byte that is
// neither a word byte nor one of the triggers the step looks at).
void findCandidatesEverywhere(std::string_view text, std::vector<Candidate>& out,
                              std::vector<EncodedSpan>& encoded) {
    size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        bool trigger = c == '+' || c == '(' || c == '%' || c == '\\';
        if (!runtime::isWordByte(c) && !trigger) {
            ++i;
            continue;
        }
        i = runtime::findCandidatesAt(text, i, out, encoded);
    }
}

std::string describe(const std::vector<Candidate>& candidates,
                     const std::vector<EncodedSpan>& encoded) {
    std::string text;
    for (const Candidate& c : candidates) {
        text += std::string(runtime::recognizerId(c.recognizer)) + "@" + std::to_string(c.begin) +
                "-" + std::to_string(c.end) + " ";
    }
    for (const EncodedSpan& span : encoded) {
        text += "span@" + std::to_string(span.begin) + "-" + std::to_string(span.end) + " ";
    }
    return text;
}

// Empty when stepping at `positions` finds what stepping everywhere finds in `text`.
std::string difference(std::string_view text, const std::vector<size_t>& positions,
                       runtime::CapitalWords capitalWords) {
    std::vector<Candidate> filtered, everywhere;
    std::vector<EncodedSpan> filteredSpans, everywhereSpans;
    runtime::findCandidatesVisiting(text, positions, filtered, filteredSpans);
    findCandidatesEverywhere(text, everywhere, everywhereSpans);
    if (capitalWords == runtime::CapitalWords::PassOver) {
        std::erase_if(filtered,
                      [](const Candidate& c) { return c.recognizer == runtime::Recognizer::Bic; });
        std::erase_if(everywhere,
                      [](const Candidate& c) { return c.recognizer == runtime::Recognizer::Bic; });
    }
    auto candidateKey = [](const Candidate& c) {
        return std::tie(c.begin, c.end, c.recognizer, c.structure, c.value);
    };
    auto spanKey = [](const EncodedSpan& s) {
        return std::tie(s.begin, s.end, s.kind);
    };
    bool same =
        filtered.size() == everywhere.size() && filteredSpans.size() == everywhereSpans.size();
    for (size_t i = 0; same && i < filtered.size(); ++i) {
        same = candidateKey(filtered[i]) == candidateKey(everywhere[i]);
    }
    for (size_t i = 0; same && i < filteredSpans.size(); ++i) {
        same = spanKey(filteredSpans[i]) == spanKey(everywhereSpans[i]);
    }
    if (same) {
        return {};
    }
    return "filtered: " + describe(filtered, filteredSpans) +
           "| everywhere: " + describe(everywhere, everywhereSpans);
}

} // namespace

std::string filterDifference(std::string_view text, runtime::CapitalWords capitalWords) {
    std::vector<size_t> positions;
    runtime::tokensToMatch(text, positions, capitalWords);
    return difference(text, positions, capitalWords);
}

std::string scalarFilterDifference(std::string_view line) {
    std::string blanked(line.size(), ' ');
    if (!runtime::blankJsonSyntax(line, blanked.data())) {
        return {};
    }
    std::vector<size_t> positions;
    runtime::tokensToMatch(blanked, positions);
    std::string found;
    const auto error = runtime::visitJsonScalars(
        line, [&](const runtime::JsonScalar& scalar, const runtime::JsonPath&) {
            std::vector<size_t> inScalar;
            for (size_t p : positions) {
                if (p >= scalar.offset && p < scalar.offset + scalar.text.size()) {
                    inScalar.push_back(p - scalar.offset);
                }
            }
            std::string scalarDifference =
                difference(scalar.text, inScalar, runtime::CapitalWords::Visit);
            if (found.empty() && !scalarDifference.empty()) {
                found = "scalar at " + std::to_string(scalar.offset) + ": " + scalarDifference;
            }
        });
    // scan-data reports nothing from a line that is not JSON (it scans it as text instead), so
    // scalars cut short by the error ("10115" of "10115t") do not count.
    return error ? std::string() : found;
}

} // namespace privaudit::testing

#pragma once

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/recognizers.h"

#include <array>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// What to look for and how sure a match must be.
struct ScanSettings {
    const RecognizerSet* recognizers = nullptr;
    // The spec of each recognizer that runs (enabled, or named by --entities); null for the
    // others. Indexed by Recognizer.
    std::array<const RecognizerSpec*, recognizerCount> active{};
    double minScore = 0.5;
    int maxDecodeDepth = 2;
};

// A reported value in one text unit (a line, a JSON string, a CSV field).
struct Match {
    size_t begin = 0; // byte offsets in the text unit; for a decoded value, the encoded span
    size_t end = 0;
    const RecognizerSpec* recognizer = nullptr;
    double score = 0.0;
    std::string value;       // compact value, only for the masked preview
    std::string decodeChain; // "base64" or "percent>base64"; empty when found as written
};

// The field-name context of a text unit (fieldWords of a JSON key path or CSV column), worked
// out only when a candidate needs scoring: most values of a log hold none.
class FieldContext {
public:
    FieldContext() = default;
    explicit FieldContext(std::string words) : words_(std::move(words)) {}
    explicit FieldContext(std::function<std::string()> compute) : compute_(std::move(compute)) {}

    std::string_view words() {
        if (compute_) {
            words_ = compute_();
            compute_ = nullptr;
        }
        return words_;
    }

private:
    std::function<std::string()> compute_;
    std::string words_;
};

// Scans one text unit. Matches come out ordered by position, overlaps resolved to the higher
// score.
void scanText(std::string_view text, FieldContext& field, const ScanSettings& settings,
              std::vector<Match>& out);
// The same, with the candidate finder stepping at `positions` (findCandidatesVisiting).
void scanTextVisiting(std::string_view text, std::span<const size_t> positions, FieldContext& field,
                      const ScanSettings& settings, std::vector<Match>& out);

} // namespace privaudit::runtime

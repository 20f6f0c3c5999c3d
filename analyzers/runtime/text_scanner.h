#pragma once

#include "analyzers/runtime/recognizers.h"

#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// What to look for and how sure a match must be.
struct ScanSettings {
    const RecognizerSet* recognizers = nullptr;
    std::vector<const RecognizerSpec*> active; // enabled, or named by --entities
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

// Scans one text unit. `field` is the field-name context (fieldWords of a JSON key or CSV
// column), empty for plain text. Matches come out ordered by position, overlaps resolved to
// the higher score.
void scanText(std::string_view text, std::string_view field, const ScanSettings& settings,
              std::vector<Match>& out);

} // namespace privaudit::runtime

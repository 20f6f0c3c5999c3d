#pragma once

#include "analyzers/runtime/text_scanner.h"
#include "core/finding.h"
#include "core/notification.h"

#include <string>
#include <vector>

namespace privaudit::runtime {

inline constexpr std::string_view piiInArtifactRule = "runtime/pii-in-artifact";

struct ArtifactScan {
    std::vector<core::Finding> findings; // in file order
    std::vector<core::Notification> notifications;
    unsigned long long bytes = 0; // bytes scanned (after decompression)
    size_t unlisted = 0;          // findings beyond the per-file limit, counted only
};

// How an artifact is read. JSON lines, JSON documents and CSV are parsed, so keys and columns
// are context and locations name them; everything else is scanned line by line as text.
enum class ArtifactFormat { Text, JsonLines, JsonDocument, Csv };

// The format by name (".jsonl", ".ndjson", ".json", ".csv", ".tsv", each optionally ".gz"),
// else text; a text file whose first line is a JSON object is read as JSON lines.
ArtifactFormat formatByName(const std::string& path);

// Scans one file: streamed, gunzipped when compressed. A binary file is skipped with a
// notification; a JSON document that does not parse is scanned as text.
ArtifactScan scanArtifact(const std::string& path, const ScanSettings& settings,
                          size_t maxFindings);

} // namespace privaudit::runtime

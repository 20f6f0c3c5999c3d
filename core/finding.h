#pragma once

#include "core/properties.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::core {

enum class Level { None, Note, Warning, Error };

std::string_view levelName(Level level);
std::optional<Level> parseLevel(std::string_view name);

// A place in a scanned file. `file` is the path as the scan found it; reporters make it
// relative to the source root. Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
    friend auto operator<=>(const SourceLocation&, const SourceLocation&) = default;
};

struct RelatedLocation {
    SourceLocation location;
    std::string message;
};

// One step of a data flow from where personal data enters to where it leaves.
struct FlowStep {
    SourceLocation location;
    std::string message;
};

// The steps of one path from a source to the finding's location.
using CodeFlow = std::vector<FlowStep>;

struct Suppression {
    enum class Kind { InSource, External };
    Kind kind = Kind::InSource;
    std::string justification;
};

enum class BaselineState { None, New, Unchanged };

// Where inside a structured input the finding is: a JSON pointer ("/messages/3/text") or a CSV
// column name. SARIF logicalLocations: `kind` is one of its kinds ("member", "element", ...).
struct LogicalLocation {
    std::string fullyQualifiedName;
    std::string kind;
};

// What a check reports. Checks fill rule id, message, location and categories; the scan fills
// level, severity, fingerprint, suppression and baseline state from the catalogue and policy.
struct Finding {
    std::string ruleId;
    std::string message; // names the kind of data ("e-mail address"), never its value
    SourceLocation location;
    std::vector<RelatedLocation> related;
    std::vector<CodeFlow> flows;         // up to a few paths that lead to this finding
    std::vector<std::string> categories; // data categories: email, phone, credential, ...
    std::optional<LogicalLocation> logicalLocation;
    Properties properties; // e.g. entity, score, preview

    Level level = Level::Warning;
    double securitySeverity = 0.0;
    std::string fingerprint;
    std::optional<Suppression> suppression;
    BaselineState baselineState = BaselineState::None;
};

// Deterministic report order: file, line, column, rule, message.
bool findingOrder(const Finding& a, const Finding& b);

} // namespace privaudit::core

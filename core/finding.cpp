#include "core/finding.h"

#include <tuple>

namespace privaudit::core {

std::string_view levelName(Level level) {
    switch (level) {
    case Level::Error:
        return "error";
    case Level::Warning:
        return "warning";
    case Level::Note:
        return "note";
    case Level::None:
        return "none";
    }
    return "none";
}

std::optional<Level> parseLevel(std::string_view name) {
    for (Level level : {Level::None, Level::Note, Level::Warning, Level::Error}) {
        if (levelName(level) == name) {
            return level;
        }
    }
    return std::nullopt;
}

bool findingOrder(const Finding& a, const Finding& b) {
    return std::tie(a.location, a.ruleId, a.message) < std::tie(b.location, b.ruleId, b.message);
}

} // namespace privaudit::core

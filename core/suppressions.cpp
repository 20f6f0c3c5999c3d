#include "core/suppressions.h"

#include <algorithm>
#include <cctype>

namespace privaudit::core {

namespace {

constexpr std::string_view marker = "privaudit-ignore[";

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    return text;
}

bool listsRule(std::string_view ids, std::string_view ruleId) {
    while (!ids.empty()) {
        size_t comma = ids.find(',');
        if (trim(ids.substr(0, comma)) == ruleId) {
            return true;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        ids.remove_prefix(comma + 1);
    }
    return false;
}

std::optional<Suppression> suppressionOnLine(std::string_view line, std::string_view ruleId) {
    for (size_t at = line.find(marker); at != std::string_view::npos;
         at = line.find(marker, at + 1)) {
        std::string_view rest = line.substr(at + marker.size());
        size_t close = rest.find(']');
        if (close == std::string_view::npos || !listsRule(rest.substr(0, close), ruleId)) {
            continue;
        }
        std::string_view reason = rest.substr(close + 1);
        if (!reason.empty() && reason.front() == ':') {
            reason.remove_prefix(1);
        }
        reason = trim(reason);
        if (reason.ends_with("*/")) {
            reason = trim(reason.substr(0, reason.size() - 2));
        }
        return Suppression{Suppression::Kind::InSource, std::string(reason)};
    }
    return std::nullopt;
}

} // namespace

std::optional<Suppression> findInlineSuppression(SourceFiles& sources, const SourceLocation& at,
                                                 std::string_view ruleId) {
    for (int line : {at.line, at.line - 1}) {
        if (auto suppression = suppressionOnLine(sources.line(at.file, line), ruleId)) {
            return suppression;
        }
    }
    return std::nullopt;
}

} // namespace privaudit::core

#include "core/finding_json.h"

namespace privaudit::core {

using nlohmann::json;

void to_json(json& j, const SourceLocation& l) {
    j = json::array({l.file, l.line, l.column, l.endLine, l.endColumn});
}
void from_json(const json& j, SourceLocation& l) {
    l = {j.at(0).get<std::string>(), j.at(1).get<int>(), j.at(2).get<int>(), j.at(3).get<int>(),
         j.at(4).get<int>()};
}
void to_json(json& j, const RelatedLocation& r) {
    j = {{"at", r.location}, {"msg", r.message}};
}
void from_json(const json& j, RelatedLocation& r) {
    r = {j.at("at").get<SourceLocation>(), j.at("msg").get<std::string>()};
}
void to_json(json& j, const FlowStep& s) {
    j = {{"at", s.location}, {"msg", s.message}};
}
void from_json(const json& j, FlowStep& s) {
    s = {j.at("at").get<SourceLocation>(), j.at("msg").get<std::string>()};
}

void to_json(json& j, const Finding& f) {
    j = {{"rule", f.ruleId},     {"msg", f.message}, {"at", f.location},
         {"related", f.related}, {"flows", f.flows}, {"categories", f.categories}};
}
void from_json(const json& j, Finding& f) {
    f.ruleId = j.at("rule").get<std::string>();
    f.message = j.at("msg").get<std::string>();
    f.location = j.at("at").get<SourceLocation>();
    f.related = j.at("related").get<std::vector<RelatedLocation>>();
    f.flows = j.at("flows").get<std::vector<CodeFlow>>();
    f.categories = j.at("categories").get<std::vector<std::string>>();
}

void to_json(json& j, const Notification& n) {
    j = {{"kind", static_cast<int>(n.kind)},
         {"level", static_cast<int>(n.level)},
         {"msg", n.message},
         {"at", n.location}};
}
void from_json(const json& j, Notification& n) {
    n.kind = static_cast<Notification::Kind>(j.at("kind").get<int>());
    n.level = static_cast<Level>(j.at("level").get<int>());
    n.message = j.at("msg").get<std::string>();
    n.location = j.at("at").get<SourceLocation>();
}

json toJson(const AnalyzerOutput& output) {
    return {{"findings", output.findings}, {"notifications", output.notifications}};
}

AnalyzerOutput analyzerOutputFromJson(const json& j) {
    return {j.at("findings").get<std::vector<Finding>>(),
            j.at("notifications").get<std::vector<Notification>>()};
}

} // namespace privaudit::core

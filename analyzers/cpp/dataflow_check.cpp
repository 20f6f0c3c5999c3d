#include "analyzers/cpp/dataflow_check.h"

namespace privaudit::cpp {

namespace {

std::string listOf(const std::vector<std::string>& items) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        text += i == 0 ? "" : i + 1 == items.size() ? " and " : ", ";
        text += items[i];
    }
    return text;
}

} // namespace

core::Finding dataflowFinding(const DataflowCheck& check, const ResolvedSink& sink,
                              const CategoryNamer& nameCategory) {
    std::vector<std::string> names;
    for (const std::string& category : sink.categories) {
        names.push_back(nameCategory(category));
    }
    core::Finding finding;
    finding.ruleId = std::string(check.ruleId());
    finding.location = sink.hit->location;
    finding.categories = sink.categories;
    finding.message = check.message(listOf(names), sink.hit->sink);
    for (const ResolvedFlow& flow : sink.flows) {
        finding.flows.push_back(flow.steps);
        finding.related.push_back({flow.steps.front().location, flow.steps.front().message});
    }
    return finding;
}

} // namespace privaudit::cpp

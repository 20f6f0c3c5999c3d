#include "checks/runtime/canaries_at_rest.h"

#include <map>
#include <set>
#include <tuple>

namespace privaudit::checks {

using runtime::probe::WrittenFile;

namespace {

std::string changeName(WrittenFile::Change change) {
    switch (change) {
    case WrittenFile::Change::Created:
        return "created";
    case WrittenFile::Change::Rewritten:
        return "rewritten";
    case WrittenFile::Change::Appended:
        return "appended";
    }
    return "written";
}

std::string joined(const std::set<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : "; ") + part;
    }
    return text;
}

} // namespace

std::vector<CanaryAtRest> canariesAtRest(const ProbeEvidence& evidence) {
    runtime::probe::CanaryMatcher matcher(evidence.run.customers);
    std::vector<CanaryAtRest> found;
    for (size_t f = 0; f < evidence.written.size(); ++f) {
        const WrittenFile& file = evidence.written[f];
        std::string_view text = file.text;
        int line = file.firstLine;
        for (size_t start = 0; start < text.size(); ++line) {
            size_t end = std::min(text.find('\n', start), text.size());
            std::string_view content = text.substr(start, end - start);
            for (runtime::probe::CanaryMatch& match : matcher.find(content)) {
                found.push_back({f, line, static_cast<int>(content.size()), std::move(match)});
            }
            start = end + 1;
        }
    }
    return found;
}

bool readableAsIs(const std::string& transformation) {
    for (const char* encoded : {"base64", "hex", "percent-encoded", "unsalted"}) {
        if (transformation.starts_with(encoded)) {
            return false;
        }
    }
    return true;
}

std::vector<core::Finding> atRestFindings(const ProbeEvidence& evidence, std::string_view rule,
                                          const std::function<bool(const CanaryAtRest&)>& selected,
                                          const std::string& how) {
    struct Group {
        const CanaryAtRest* first = nullptr;
        std::set<std::string> chains;
        std::set<int> lines;
    };
    std::map<std::tuple<size_t, int, runtime::probe::CanaryKind>, Group> groups;
    std::vector<CanaryAtRest> found = canariesAtRest(evidence);
    for (const CanaryAtRest& canary : found) {
        if (!selected(canary)) {
            continue;
        }
        Group& group = groups[{canary.file, canary.match.customer, canary.match.kind}];
        if (!group.first) {
            group.first = &canary;
        }
        const WrittenFile& file = evidence.written[canary.file];
        group.chains.insert((file.gzip ? "gzip > " : "") + canary.match.transformation);
        group.lines.insert(canary.line);
    }
    std::vector<core::Finding> findings;
    for (const auto& [key, group] : groups) {
        const CanaryAtRest& first = *group.first;
        const WrittenFile& file = evidence.written[first.file];
        const std::string& victim =
            evidence.run.customers[static_cast<size_t>(first.match.customer)].id;
        std::string kindName = runtime::probe::canaryKindName(first.match.kind);
        std::string chain = joined(group.chains);
        core::Finding finding;
        finding.ruleId = rule;
        finding.message = "Customer " + victim + "'s " + kindName + " was written " + how + " to " +
                          file.path + " during the probe (" + chain + "; " +
                          std::to_string(group.lines.size()) + " line(s), file " +
                          changeName(file.change) + ").";
        finding.location = {file.path, first.line, 1, first.line, first.width + 1};
        finding.categories = {runtime::probe::canaryCategory(first.match.kind)};
        finding.properties = {
            {"victim", victim},
            {"sink", file.path},
            {"canaryType", runtime::probe::canaryCategory(first.match.kind)},
            {"transformation", chain},
            {"lines", static_cast<double>(group.lines.size())},
            {"seed", std::to_string(evidence.run.schedule.seed)},
        };
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace privaudit::checks

#include "analyzers/runtime/probe/canary_matcher.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"

#include <map>
#include <utility>

namespace privaudit::checks {

namespace {

using runtime::probe::CanaryKind;

// Direct identifiers and payment data must be redacted or pseudonymised before a prompt
// leaves for the LLM provider. An order number is the business's own reference, needed to
// answer the customer and meaningless to the provider, so it may go as it is; every other
// kind — including kinds added later — must not.
bool mustBeAnonymised(CanaryKind kind) {
    return kind != CanaryKind::OrderNumber;
}

// A canary of a must-anonymise kind in a request the bot sent to the mock LLM (--mock-llm),
// in any form the matcher knows: one finding per customer and kind of data, at the line of the
// first such request in the upstream record.
class UnredactedUpstreamCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/unredacted-upstream"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override;
};

core::CheckRegistration<ProbeCheck, UnredactedUpstreamCheck> registration;

std::vector<core::Finding> UnredactedUpstreamCheck::check(const ProbeEvidence& evidence) const {
    runtime::probe::CanaryMatcher matcher(evidence.run.customers);
    std::map<std::pair<int, CanaryKind>, size_t> firstFinding; // → index in findings
    std::vector<core::Finding> findings;
    for (size_t i = 0; i < evidence.upstream.size(); ++i) {
        const runtime::probe::UpstreamRequest& request = evidence.upstream[i];
        for (const runtime::probe::CanaryMatch& match : matcher.find(request.body)) {
            if (!mustBeAnonymised(match.kind)) {
                continue;
            }
            auto key = std::pair(match.customer, match.kind);
            if (auto seen = firstFinding.find(key); seen != firstFinding.end()) {
                ++std::get<double>(findings[seen->second].properties["requests"]);
                continue;
            }
            const std::string& victim =
                evidence.run.customers[static_cast<size_t>(match.customer)].id;
            std::string kindName = runtime::probe::canaryKindName(match.kind);
            int line = static_cast<int>(i + 1);
            int width = static_cast<int>(runtime::probe::upstreamRecordLine(request, i).size());
            core::Finding finding;
            finding.ruleId = ruleId();
            finding.message = "Customer " + victim + "'s " + kindName +
                              " reached the upstream LLM request unredacted (" + request.method +
                              " " + request.path + ", " + match.transformation + ").";
            finding.location = {evidence.upstreamPath, line, 1, line, width + 1};
            finding.categories = {runtime::probe::canaryCategory(match.kind)};
            finding.properties = {
                {"victim", victim},
                {"sink", std::string("upstream LLM request")},
                {"endpoint", request.path},
                {"canaryType", runtime::probe::canaryCategory(match.kind)},
                {"transformation", match.transformation},
                {"seed", std::to_string(evidence.run.schedule.seed)},
                {"requests", 1.0},
            };
            firstFinding.emplace(key, findings.size());
            findings.push_back(std::move(finding));
        }
    }
    return findings;
}

} // namespace

} // namespace privaudit::checks

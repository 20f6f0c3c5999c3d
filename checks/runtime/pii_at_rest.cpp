#include "checks/runtime/canaries_at_rest.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

// A canary, readable as it is, in a file the bot created, rewrote or appended to during the
// run (a watched folder or a named log).
class PiiAtRestCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/pii-at-rest"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override {
        return atRestFindings(
            evidence, ruleId(),
            [](const CanaryAtRest& canary) { return readableAsIs(canary.match.transformation); },
            "in cleartext");
    }
};

core::CheckRegistration<ProbeCheck, PiiAtRestCheck> registration;

} // namespace

} // namespace privaudit::checks

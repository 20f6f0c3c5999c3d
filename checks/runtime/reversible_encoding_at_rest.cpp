#include "checks/runtime/canaries_at_rest.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

// A canary encoded (base64, hex, percent-encoding) or hashed without salt (MD5, SHA-1,
// SHA-256) in a file written during the run: it looks protected, yet anyone with the file
// decodes it, or recomputes the hash from a guess of the value.
class ReversibleEncodingAtRestCheck : public ProbeCheck {
public:
    std::string_view ruleId() const override { return "runtime/reversible-encoding-at-rest"; }
    std::vector<core::Finding> check(const ProbeEvidence& evidence) const override {
        return atRestFindings(
            evidence, ruleId(),
            [](const CanaryAtRest& canary) { return !readableAsIs(canary.match.transformation); },
            "encoded or hashed reversibly");
    }
};

core::CheckRegistration<ProbeCheck, ReversibleEncodingAtRestCheck> registration;

} // namespace

} // namespace privaudit::checks

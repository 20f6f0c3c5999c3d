// cpp/unredacted-third-party: personal data in a request body to an external service (an LLM
// API, analytics, a lookup service) without redaction. See
// docs/rules/cpp-unredacted-third-party.md.
#include "analyzers/cpp/dataflow_check.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

class UnredactedThirdPartyCheck : public cpp::DataflowCheck {
public:
    std::string_view ruleId() const override { return "cpp/unredacted-third-party"; }
    cpp::SinkKind sinkKind() const override { return cpp::SinkKind::ThirdParty; }
    std::string message(const std::string& data, const std::string& sink) const override {
        return "Personal data (" + data + ") is sent in " + sink +
               " to an external service without redaction; redact or pseudonymize it first";
    }
};

core::CheckRegistration<cpp::DataflowCheck, UnredactedThirdPartyCheck> registration;

} // namespace

} // namespace privaudit::checks

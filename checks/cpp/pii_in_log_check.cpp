// cpp/pii-in-log: personal data reaches a log or console sink unmasked.
// See docs/rules/cpp-pii-in-log.md.
#include "analyzers/cpp/dataflow_check.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

class PiiInLogCheck : public cpp::DataflowCheck {
public:
    std::string_view ruleId() const override { return "cpp/pii-in-log"; }
    cpp::SinkKind sinkKind() const override { return cpp::SinkKind::Log; }
    std::string message(const std::string& data, const std::string& sink) const override {
        return "Personal data (" + data + ") is written to " + sink +
               " unmasked; log a pseudonymous id or a masked value instead";
    }
};

core::CheckRegistration<cpp::DataflowCheck, PiiInLogCheck> registration;

} // namespace

} // namespace privaudit::checks

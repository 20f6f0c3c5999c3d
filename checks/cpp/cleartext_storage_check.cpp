// cpp/cleartext-storage: personal data reaches a file or database without encryption.
// See docs/rules/cpp-cleartext-storage.md.
#include "analyzers/cpp/dataflow_check.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

class CleartextStorageCheck : public cpp::DataflowCheck {
public:
    std::string_view ruleId() const override { return "cpp/cleartext-storage"; }
    cpp::SinkKind sinkKind() const override { return cpp::SinkKind::Storage; }
    std::string message(const std::string& data, const std::string& sink) const override {
        return "Personal data (" + data + ") is stored in " + sink +
               " without encryption; encrypt it, or store a keyed hash if only equality matters";
    }
};

core::CheckRegistration<cpp::DataflowCheck, CleartextStorageCheck> registration;

} // namespace

} // namespace privaudit::checks

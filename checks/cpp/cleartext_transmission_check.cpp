// cpp/cleartext-transmission, plain sockets: personal data reaches send, sendto or WSASend.
// TLS verification turned off is tls_verification_check.cpp, http:// URLs plain_http_check.cpp.
// See docs/rules/cpp-cleartext-transmission.md.
#include "analyzers/cpp/dataflow_check.h"
#include "core/check_registry.h"

namespace privaudit::checks {

namespace {

class PlainSocketCheck : public cpp::DataflowCheck {
public:
    std::string_view ruleId() const override { return "cpp/cleartext-transmission"; }
    cpp::SinkKind sinkKind() const override { return cpp::SinkKind::CleartextTransmission; }
    std::string message(const std::string& data, const std::string& sink) const override {
        return "Personal data (" + data + ") is sent over " + sink +
               " without TLS; send it over a TLS connection (SSL_write, an https:// client) or "
               "encrypt it first";
    }
};

core::CheckRegistration<cpp::DataflowCheck, PlainSocketCheck> registration;

} // namespace

} // namespace privaudit::checks

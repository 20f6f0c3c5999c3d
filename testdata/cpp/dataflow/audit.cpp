// Access audit trail: every lookup of a customer record is logged with a detail line.
#include "customer.h"

#include <spdlog/spdlog.h>

namespace support {

void auditAccess(const std::string& agent, const std::string& detail) {
    spdlog::info("audit: {} accessed {}", agent, detail); // expect: cpp/pii-in-log
}

} // namespace support

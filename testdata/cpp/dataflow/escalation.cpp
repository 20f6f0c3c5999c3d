// Escalations to the fraud team, logged with glog.
#include "customer.h"

#include <glog/logging.h>

namespace support {

void escalate(const Customer& customer, const std::string& reason) {
    LOG(WARNING) << "escalating customer " << customer.id << ": " << reason; // ok: cpp/pii-in-log
    LOG(INFO) << "fraud check for IBAN " << customer.iban; // expect: cpp/pii-in-log
}

} // namespace support

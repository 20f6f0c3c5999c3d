// The IVR bridge: reads what the caller's speech-to-text gateway sends over a socket.
#include "customer.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/types.h>

namespace support {

template <typename T> void logField(const char* label, const T& value) {
    spdlog::info("{}: {}", label, value); // expect: cpp/pii-in-log
}

void auditCustomer(const Customer& customer) {
    logField("e-mail", customer.email);
    logField("open orders", customer.openOrders);
}

void auditCounts(const Customer& customer) {
    logField("tickets", customer.openOrders);
}

void serveIvr(int gateway) {
    char utteranceBuffer[512] = {};
    ssize_t received = recv(gateway, utteranceBuffer, sizeof utteranceBuffer - 1, 0);
    spdlog::debug("gateway sent: {}", utteranceBuffer); // expect: cpp/pii-in-log
    spdlog::debug("gateway sent {} bytes", received); // ok: cpp/pii-in-log
}

} // namespace support

// CTI bridge: pushes the caller's details to the agent desktop's screen pop over a TCP socket
// and to the wallboard over UDP.
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <string>
#include <sys/socket.h>

namespace cti {

struct CallerInfo {
    long crmNumber = 0;
    std::string fullName;
    std::string phone;
};

static void sendLine(int agentSocket, const std::string& line) {
    send(agentSocket, line.c_str(), line.size(), 0); // expect: cpp/cleartext-transmission
}

void screenPop(int agentSocket, const CallerInfo& caller) {
    sendLine(agentSocket, "POP " + caller.phone + " " + caller.fullName + "\n");
}

void announceQueueLength(int agentSocket, int waiting) {
    std::string line = "QUEUE " + std::to_string(waiting) + "\n";
    send(agentSocket, line.data(), line.size(), 0); // ok: cpp/cleartext-transmission
}

void publishToWallboard(int udpSocket, const sockaddr_in& wallboard, const CallerInfo& caller) {
    std::string datagram = "ringing " + caller.phone;
    sendto(udpSocket, datagram.data(), datagram.size(), 0, // expect: cpp/cleartext-transmission
           reinterpret_cast<const sockaddr*>(&wallboard), sizeof wallboard);
}

void screenPopTls(SSL* desktop, const CallerInfo& caller) {
    std::string line = "POP " + caller.phone + " " + caller.fullName + "\n";
    SSL_write(desktop, line.data(), int(line.size())); // ok: cpp/cleartext-transmission
}

} // namespace cti

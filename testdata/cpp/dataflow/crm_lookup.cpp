// Customer lookups for the support bot: what is logged, stored and sent where.
#include "customer.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <spdlog/spdlog.h>
#include <string>

namespace support {

std::string maskEmail(const std::string& email);
std::string loadCustomerName(long id);

// Three calls deep: greet -> formatGreeting -> decorate -> writeLine -> spdlog.
static void writeLine(const std::string& line) {
    spdlog::info("{}", line); // expect: cpp/pii-in-log
}

static std::string decorate(const std::string& text) { return "[bot] " + text; }

static std::string formatGreeting(const std::string& who) { return decorate("Hello " + who); }

void greet(const Customer& customer) {
    writeLine(formatGreeting(customer.firstName));
}

void greetAnonymously(long sessionNumber) {
    writeLine(formatGreeting("guest #" + std::to_string(sessionNumber)));
}

void logLookup(const Customer& customer) {
    spdlog::info("looked up customer {} with {} open orders", customer.id, customer.openOrders); // ok: cpp/pii-in-log
    spdlog::info("contact e-mail: {}", customer.email); // expect: cpp/pii-in-log
    spdlog::info("contact e-mail: {}", maskEmail(customer.email)); // ok: cpp/pii-in-log
    spdlog::warn("billing city: {}", customer.billingAddress.city); // expect: cpp/pii-in-log
    auditAccess("agent-7", customer.iban);
    auditAccess("agent-7", std::to_string(customer.id));
}

void logTurn(const ChatTurn& turn) {
    auto note = [](const std::string& text) {
        spdlog::debug("turn text: {}", text); // expect: cpp/pii-in-log
    };
    note(turn.utterance);
    spdlog::debug("turn {} of session {}", turn.turnIndex, turn.sessionId); // ok: cpp/pii-in-log
}

void printContact(const Customer& customer) {
    std::string line = customer.lastName;
    line += ", ";
    line.append(customer.phone);
    std::fprintf(stderr, "contact: %s\n", line.c_str()); // expect: cpp/pii-in-log
    line = maskEmail(customer.email);
    std::fprintf(stderr, "masked: %s\n", line.c_str()); // ok: cpp/pii-in-log
}

void exportContacts(const std::vector<Customer>& customers) {
    std::ofstream csv("contacts.csv");
    for (const Customer& customer : customers) {
        csv << customer.email << ';' << customer.phone << '\n'; // expect: cpp/cleartext-storage
        csv << customer.openOrders << '\n'; // ok: cpp/cleartext-storage
    }
}

static std::string contactCard(const Customer& customer) {
    std::ostringstream card;
    card << customer.firstName << ' ' << customer.lastName << " <" << customer.email << ">";
    return card.str();
}

void logCard(const Customer& customer) {
    spdlog::info("card: {}", contactCard(customer)); // expect: cpp/pii-in-log
    std::ostringstream counts;
    counts << customer.openOrders << " open orders";
    spdlog::info("{}", counts.str()); // ok: cpp/pii-in-log
}

void rememberName(long id, std::map<long, std::string>& cache) {
    std::string name = loadCustomerName(id);
    cache[id] = name;
}

} // namespace support

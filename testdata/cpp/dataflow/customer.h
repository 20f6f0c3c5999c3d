// The customer record the support bot loads from the CRM.
#pragma once
#include <string>
#include <vector>

namespace support {

struct Address {
    std::string street;
    std::string postcode;
    std::string city;
};

struct Customer {
    long id = 0;
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string phone;
    std::string iban;
    Address billingAddress;
    int openOrders = 0;
};

struct ChatTurn {
    std::string sessionId;
    std::string utterance;
    int turnIndex = 0;
};

// Defined in audit.cpp: records who looked at what.
void auditAccess(const std::string& agent, const std::string& detail);

} // namespace support

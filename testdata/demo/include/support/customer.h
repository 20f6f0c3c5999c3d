// Customer records as the CRM and the order service return them.
#pragma once

#include <string>
#include <vector>

namespace support {

struct Order {
    std::string id;
    std::string status; // "awaiting_payment", "processing", "shipped", "delivered", "returned"
    std::string placed_on;
    std::string total;
    std::string tracking_number;
};

struct Customer {
    std::string id;
    std::string full_name;
    std::string email;
    std::string phone;
    std::string iban; // refunds are paid to this account
    std::string postal_address;
    std::vector<Order> orders;
};

} // namespace support

// Client for the CRM (customer master data) and the order service.
#pragma once

#include "support/config.h"
#include "support/customer.h"
#include "support/http.h"

#include <optional>
#include <string>
#include <vector>

namespace support {

class CrmClient {
public:
    explicit CrmClient(const Config& config);

    // The customer with their contact details and order history, or nullopt if unknown.
    std::optional<Customer> find_customer(const std::string& customer_id);
    std::vector<Order> order_history(const std::string& customer_id);
    std::optional<Order> find_order(const std::string& order_id);

private:
    httplib::Client crm_;
    httplib::Client orders_;
    std::string api_key_;
};

} // namespace support

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
    std::optional<Customer> find_customer_by_email(const std::string& email);
    std::vector<Order> order_history(const std::string& customer_id);

    bool update_contact_details(const std::string& customer_id, const std::string& email,
                                const std::string& phone);

private:
    httplib::Client crm_;
    httplib::Client orders_;
    std::string api_key_;
};

} // namespace support

#include "support/crm_client.h"

#include "support/json.h"
#include "support/log.h"

#include <cstdlib>

namespace support {

namespace {

// Issued by the CRM team for the support bot (OPS-2291); deployments set CRM_API_KEY.
constexpr char kCrmApiKey[] = "crm-7f3a9c2e41d84b6fa0e5"; // expect: cpp/hardcoded-secret
constexpr char kApiKeyHeader[] = "X-Api-Key";             // ok: cpp/hardcoded-secret

std::string crm_api_key() {
    const char* key = std::getenv("CRM_API_KEY"); // ok: cpp/hardcoded-secret
    return key != nullptr ? key : kCrmApiKey;
}

Order parse_order(std::string_view object) {
    return {json::string_value(object, "id"), json::string_value(object, "status"),
            json::string_value(object, "placed_on"), json::string_value(object, "total"),
            json::string_value(object, "tracking_number")};
}

Customer parse_customer(std::string_view object) {
    Customer customer;
    customer.id = json::string_value(object, "id");
    customer.full_name = json::string_value(object, "full_name");
    customer.email = json::string_value(object, "email");
    customer.phone = json::string_value(object, "phone");
    customer.iban = json::string_value(object, "iban");
    customer.postal_address = json::string_value(object, "postal_address");
    return customer;
}

} // namespace

CrmClient::CrmClient(const Config& config)
    : crm_(config.crm_base_url), orders_(config.orders_base_url), api_key_(crm_api_key()) {
    crm_.set_default_headers({{kApiKeyHeader, api_key_}, {"Accept", "application/json"}});
    crm_.set_connection_timeout(2);
    crm_.set_read_timeout(5);
    // The order service does not take API keys yet (ORD-118).
    orders_.set_basic_auth("svc-chatbot", "Winter-Orders-2024!"); // expect: cpp/hardcoded-secret
    orders_.set_read_timeout(5);
}

std::optional<Customer> CrmClient::find_customer(const std::string& customer_id) {
    auto result = crm_.Get("/v2/customers/" + customer_id, {});
    if (!result || result->status != 200) {
        spdlog::warn("CRM lookup of customer {} failed", customer_id);
        return std::nullopt;
    }
    Customer customer = parse_customer(result->body);
    customer.orders = order_history(customer.id);
    spdlog::debug("CRM: loaded {} <{}>, {} orders", customer.full_name, customer.email, // expect: cpp/pii-in-log
                  customer.orders.size());
    return customer;
}

std::vector<Order> CrmClient::order_history(const std::string& customer_id) {
    std::vector<Order> orders;
    auto result = orders_.Get("/api/orders?customer=" + customer_id + "&limit=20", {});
    if (result && result->status == 200) {
        for (std::string_view item : json::array_items(result->body, "orders")) {
            orders.push_back(parse_order(item));
        }
    }
    return orders;
}

std::optional<Order> CrmClient::find_order(const std::string& order_id) {
    auto result = orders_.Get("/api/orders/" + order_id, {});
    if (!result || result->status != 200) {
        return std::nullopt;
    }
    return parse_order(result->body);
}

} // namespace support

#include "support/payments.h"

#include "support/crypto.h"
#include "support/http.h"
#include "support/json.h"
#include "support/log.h"

#include <cctype>
#include <stdexcept>
#include <vector>

namespace support {

namespace {

// The payment provider's API. Its vault swaps card details for a single-use token; only tokens
// are charged.
constexpr char kPspUrl[] = "https://api.paystream.example";
// Finance books every card payment in the ledger service, which is only reachable inside the VPC.
constexpr char kLedgerUrl[] = "http://ledger.northwind.internal:8080";

// The digits of `text` (customers type spaces and dashes), at most `capacity` - 1 of them.
void copy_digits(std::string_view text, char* out, std::size_t capacity) {
    std::size_t length = 0;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) && length + 1 < capacity) {
            out[length++] = c;
        }
    }
    out[length] = '\0';
}

} // namespace

PaymentService::PaymentService(const Config& config, CrmClient& crm)
    : crm_(crm), psp_api_key_(config.psp_api_key) {
    const std::string& hex = config.psp_vault_public_key;
    std::size_t length = 0;
    if (sodium_hex2bin(vault_public_key_.data(), vault_public_key_.size(), hex.data(), hex.size(),
                       nullptr, &length, nullptr) != 0 ||
        length != vault_public_key_.size()) {
        throw std::runtime_error("PSP_VAULT_PUBLIC_KEY is not a 32-byte hex key");
    }
}

PaymentResult PaymentService::pay_by_card(std::string_view form) {
    PaymentResult result;
    std::optional<Order> order = crm_.find_order(json::string_value(form, "order_id"));
    if (!order || order->status != "awaiting_payment") {
        result.message = "This order does not need a payment.";
        return result;
    }

    char card_number[20]; // expect: cpp/sensitive-memory-not-cleared
    char cvc[5];          // ok: cpp/sensitive-memory-not-cleared
    copy_digits(json::raw_value(form, "card_number"), card_number, sizeof card_number);
    copy_digits(json::raw_value(form, "cvc"), cvc, sizeof cvc);
    std::string card_token = tokenize_card(card_number, json::string_value(form, "expiry"), cvc);
    OPENSSL_cleanse(cvc, sizeof cvc);
    if (card_token.empty()) {
        result.message = "The card was not accepted. Please check the number and expiry date.";
        return result;
    }

    result.psp_reference = charge(card_token, *order);
    result.paid = !result.psp_reference.empty();
    if (!result.paid) {
        result.message = "Your bank declined the payment.";
        return result;
    }
    book(*order, result.psp_reference);
    spdlog::info("Order {} paid, PSP reference {}", order->id, result.psp_reference);
    result.message = "Thank you, your payment for order " + order->id + " went through.";
    return result;
}

// The card fields travel sealed to the vault's public key: only the vault can open them.
std::string PaymentService::tokenize_card(const char* card_number, const std::string& expiry,
                                          const char* cvc) {
    std::string fields = "{\"number\":" + json::quote(card_number) +
                         ",\"expiry\":" + json::quote(expiry) +
                         ",\"cvc\":" + json::quote(cvc) + "}";
    std::string body = "{\"sealed_card\":" + json::quote(seal_for_vault(fields)) + "}";
    sodium_memzero(fields.data(), fields.size());

    httplib::Client psp(kPspUrl); // ok: cpp/cleartext-transmission
    psp.set_bearer_token_auth(psp_api_key_);
    auto result = psp.Post("/v1/card-tokens", {}, body, "application/json");
    if (!result || result->status != 201) {
        return {};
    }
    return json::string_value(result->body, "token");
}

std::string PaymentService::seal_for_vault(std::string_view fields) const {
    std::vector<unsigned char> sealed(crypto_box_SEALBYTES + fields.size());
    crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(fields.data()),
                    fields.size(), vault_public_key_.data());
    std::size_t length = sodium_base64_ENCODED_LEN(sealed.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string text(length, '\0');
    sodium_bin2base64(text.data(), text.size(), sealed.data(), sealed.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text.pop_back(); // the terminating NUL
    return text;
}

std::string PaymentService::charge(const std::string& card_token, const Order& order) {
    httplib::Client psp(kPspUrl); // ok: cpp/cleartext-transmission
    psp.set_bearer_token_auth(psp_api_key_);
    std::string body = "{\"source\":" + json::quote(card_token) +
                       ",\"amount\":" + json::quote(order.total) +
                       ",\"reference\":" + json::quote(order.id) + "}";
    auto result = psp.Post("/v1/charges", {}, body, "application/json");
    if (!result || result->status != 201) {
        return {};
    }
    return json::string_value(result->body, "id");
}

void PaymentService::book(const Order& order, const std::string& psp_reference) {
    httplib::Client ledger(kLedgerUrl); // expect: cpp/cleartext-transmission
    std::string body = "{\"order\":" + json::quote(order.id) +
                       ",\"amount\":" + json::quote(order.total) +
                       ",\"psp_reference\":" + json::quote(psp_reference) + "}";
    auto result = ledger.Post("/v1/entries", {}, body, "application/json");
    if (!result || result->status != 201) {
        spdlog::error("Ledger entry for order {} failed; finance reconciles it from the PSP report",
                      order.id);
    }
}

} // namespace support

// Card payments for orders awaiting payment (the card on file was declined). The bot offers a
// card form in the chat widget; the form posts the card straight to this service, so card data
// never passes through Rasa, its tracker, the transcripts or the LLM.
#pragma once

#include "support/config.h"
#include "support/crm_client.h"

#include <array>
#include <string>
#include <string_view>

namespace support {

struct PaymentResult {
    bool paid = false;
    std::string psp_reference; // the payment provider's id of the charge
    std::string message;       // shown to the customer in the chat
};

class PaymentService {
public:
    PaymentService(const Config& config, CrmClient& crm);

    // The card form's JSON: order_id, card_number, expiry ("MM/YY") and cvc.
    PaymentResult pay_by_card(std::string_view form);

private:
    std::string tokenize_card(const char* card_number, const std::string& expiry, const char* cvc);
    std::string seal_for_vault(std::string_view fields) const;
    std::string charge(const std::string& card_token, const Order& order);
    void book(const Order& order, const std::string& psp_reference);

    CrmClient& crm_;
    std::string psp_api_key_;
    std::array<unsigned char, 32> vault_public_key_{}; // crypto_box_PUBLICKEYBYTES
};

} // namespace support

// IVR payment line: the caller keys in the card number and CVV as DTMF digits, the bot
// tokenizes the card with the payment provider and reads back the last four digits.
#include <array>
#include <cstdlib>
#include <cstring>
#include <openssl/crypto.h>
#include <sodium.h>
#include <string>

namespace ivr {

std::size_t collectDigits(char* out, std::size_t capacity, int maxDigits);
std::string readDtmf(int maxDigits);
std::string tokenizeCard(const char* cardNumber, const char* cvv);
bool verifyPin(const char* pin);

std::string captureCard() {
    char cardNumber[20]; // expect: cpp/sensitive-memory-not-cleared
    char cvv[5]; // expect: cpp/sensitive-memory-not-cleared
    collectDigits(cardNumber, sizeof cardNumber, 19);
    collectDigits(cvv, sizeof cvv, 4);
    std::string token = tokenizeCard(cardNumber, cvv);
    std::memset(cvv, 0, sizeof cvv);
    return token;
}

std::string captureCardAndWipe() {
    char cardNumber[20]; // ok: cpp/sensitive-memory-not-cleared
    char cvv[5]; // ok: cpp/sensitive-memory-not-cleared
    collectDigits(cardNumber, sizeof cardNumber, 19);
    collectDigits(cvv, sizeof cvv, 4);
    std::string token = tokenizeCard(cardNumber, cvv);
    OPENSSL_cleanse(cardNumber, sizeof cardNumber);
    OPENSSL_cleanse(cvv, sizeof cvv);
    return token;
}

std::string cardPrompt() {
    char cardNumber[20]; // ok: cpp/sensitive-memory-not-cleared
    return "Please key in the " + std::to_string(sizeof cardNumber - 4) + " digits of your card";
}

bool checkCallerPin() {
    std::string callerPin = readDtmf(4); // expect: cpp/sensitive-memory-not-cleared
    return verifyPin(callerPin.c_str());
}

bool checkCallerPinAndWipe() {
    std::array<char, 8> pinCode{}; // ok: cpp/sensitive-memory-not-cleared
    collectDigits(pinCode.data(), pinCode.size(), 4);
    bool verified = verifyPin(pinCode.data());
    sodium_memzero(pinCode.data(), pinCode.size());
    return verified;
}

// The legacy PBX bridge hands the card number over in a buffer it allocated.
std::string forwardCardFromPbx(const char* fromPbx, std::size_t length) {
    char* cardNumber = static_cast<char*>(std::malloc(length + 1)); // expect: cpp/sensitive-memory-not-cleared
    std::memcpy(cardNumber, fromPbx, length);
    cardNumber[length] = '\0';
    std::string token = tokenizeCard(cardNumber, "");
    std::free(cardNumber);
    return token;
}

std::string forwardCardFromPbxGuarded(const char* fromPbx, std::size_t length) {
    char* cardNumber = static_cast<char*>(sodium_malloc(length + 1)); // ok: cpp/sensitive-memory-not-cleared
    std::memcpy(cardNumber, fromPbx, length);
    cardNumber[length] = '\0';
    std::string token = tokenizeCard(cardNumber, "");
    sodium_free(cardNumber);
    return token;
}

// The digits are handed on to the caller of this function, who owns them.
char* copyCardNumber(const char* digits, std::size_t length) {
    char* cardNumber = static_cast<char*>(std::malloc(length + 1)); // ok: cpp/sensitive-memory-not-cleared
    std::memcpy(cardNumber, digits, length);
    cardNumber[length] = '\0';
    return cardNumber;
}

} // namespace ivr

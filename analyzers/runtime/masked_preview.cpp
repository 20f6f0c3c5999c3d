#include "analyzers/runtime/masked_preview.h"

#include "core/masking.h"

namespace privaudit::runtime {

namespace {

std::string lastChars(std::string_view value, size_t count) {
    return "****" + std::string(value.substr(value.size() > count ? value.size() - count : 0));
}

} // namespace

std::string maskedPreview(std::string_view entity, std::string_view value) {
    if (value.empty()) {
        return "****";
    }
    if (entity == "CREDIT_CARD") {
        return lastChars(value, 4);
    }
    if (entity == "IBAN_CODE") {
        return std::string(value.substr(0, 2)) + lastChars(value, 4);
    }
    if (entity == "EMAIL_ADDRESS") {
        size_t at = value.find('@');
        return std::string(1, value[0]) + "***" + std::string(value.substr(at));
    }
    if (entity == "API_KEY" || entity == "URL_CREDENTIALS" || entity == "CRYPTO") {
        return core::maskSecret(value);
    }
    if (entity == "DATE_TIME") {
        return "**.**.****";
    }
    if (entity == "LOCATION") {
        return std::string(1, value[0]) + "****";
    }
    if (entity == "IP_ADDRESS") {
        size_t separator = value.find_first_of(".:");
        return std::string(value.substr(0, separator)) +
               (value[separator] == '.' ? ".*.*.*" : ":****");
    }
    return lastChars(value, 2);
}

} // namespace privaudit::runtime

#pragma once

#include <string>
#include <string_view>

namespace privaudit::runtime {

// What a report may show of a found value: card last 4, IBAN country and last 4, e-mail first
// letter and domain, secrets their first characters; never enough to use the value.
std::string maskedPreview(std::string_view entity, std::string_view value);

} // namespace privaudit::runtime

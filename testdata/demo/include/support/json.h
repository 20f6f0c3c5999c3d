// Just enough JSON for the Rasa action protocol, the CRM API and the LLM API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace support::json {

// `text` as a JSON string literal, quotes included.
std::string quote(std::string_view text);

// The raw text of the first value stored under "key" anywhere in `document`, or "".
std::string_view raw_value(std::string_view document, std::string_view key);

// The first value stored under "key" as an unescaped string; "" if absent or not a string.
std::string string_value(std::string_view document, std::string_view key);

// The elements of the array stored under "key", as raw text.
std::vector<std::string_view> array_items(std::string_view document, std::string_view key);

} // namespace support::json

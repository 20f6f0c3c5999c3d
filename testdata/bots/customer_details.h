#pragma once

// What the fixture bots pick out of customer messages, and how the well-behaved ones mask it.

#include <map>
#include <string>

namespace privaudit::bots {

// Keys: name, email, phone, order, iban, card.
using CustomerDetails = std::map<std::string, std::string>;

// Adds every detail found in `message` to `details` (a later value replaces an earlier one).
void collectDetails(const std::string& message, CustomerDetails& details);

// The detail or "-".
std::string detailOr(const CustomerDetails& details, const std::string& key);

// "**** **** **** 1234": all but the last four characters hidden, so echoing it is harmless.
std::string maskedTail(const std::string& value);

// The message with the customer's name and every word holding a digit or '@' replaced by
// "[redacted]": what a careful bot logs or sends to its LLM.
std::string redacted(const std::string& message, const CustomerDetails& details);

// Whether the message contains one of the comma-separated lower-case phrases.
bool mentions(const std::string& message, const std::string& phrases);

} // namespace privaudit::bots

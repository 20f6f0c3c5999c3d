#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Synthetic customers for the live probe: each carries format-valid personal data from
// reserved or test ranges, marked with a random tag so that finding it elsewhere cannot be
// chance.
namespace privaudit::runtime::probe {

enum class CanaryKind { Name, Email, Phone, Iban, Card, OrderNumber, BirthDate, Address };

// "name", "e-mail address", ... — how findings name the kind, never the value.
std::string canaryKindName(CanaryKind kind);
// "name", "email", ... — the data category of core::Finding.
std::string canaryCategory(CanaryKind kind);

struct Canary {
    CanaryKind kind;
    std::string value;
};

struct SyntheticCustomer {
    std::string id; // "c1", "c2", ... — the only way reports name a customer
    std::vector<Canary> canaries;

    const Canary& canary(CanaryKind kind) const;
};

// `count` customers from `seed`; the same seed gives the same customers. Values never repeat
// within one call: phone numbers come from small reserved ranges (UK 07700 900xxx, US
// 555-01xx, DE 0152 xxxxxxxx alternate) and birth dates from a few thousand days, so both are
// drawn without replacement. Birth dates are ISO 8601 (1987-03-14); addresses rotate between a
// German, a British and a US form, each a real postcode and town with a street named after a
// random tag that no real street has.
std::vector<SyntheticCustomer> generateCustomers(std::uint64_t seed, int count);

} // namespace privaudit::runtime::probe

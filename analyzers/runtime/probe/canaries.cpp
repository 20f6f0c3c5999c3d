#include "analyzers/runtime/probe/canaries.h"

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <stdexcept>

namespace privaudit::runtime::probe {

namespace {

constexpr std::array firstNames = {"Mila",  "Jonas", "Amelia", "Noah", "Lena",
                                   "Oskar", "Freya", "Elias",  "Ida",  "Theo"};
constexpr std::array lastNames = {"Hartmann", "Okafor", "Lindqvist", "Moreau", "Castellano",
                                  "Brennan",  "Novak",  "Takahashi", "Weber",  "Silva"};

class Draw {
public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}

    // Uniform in [0, bound); the engine's raw output, so equal on every standard library.
    std::uint64_t below(std::uint64_t bound) { return engine_() % bound; }

    std::string digits(int count) {
        std::string text;
        for (int i = 0; i < count; ++i) {
            text += static_cast<char>('0' + below(10));
        }
        return text;
    }

    // A pronounceable tag, consonant-vowel pairs: about 26 bits for 8 letters.
    std::string tag(int pairs) {
        static constexpr std::string_view consonants = "bcdfghjklmnprstvwxz";
        static constexpr std::string_view vowels = "aeiou";
        std::string text;
        for (int i = 0; i < pairs; ++i) {
            text += consonants[below(consonants.size())];
            text += vowels[below(vowels.size())];
        }
        return text;
    }

private:
    std::mt19937_64 engine_;
};

char luhnCheckDigit(const std::string& payload) {
    int sum = 0;
    for (size_t i = 0; i < payload.size(); ++i) {
        int digit = payload[payload.size() - 1 - i] - '0';
        if (i % 2 == 0) {
            digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        sum += digit;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// A German IBAN: "DE", two check digits (ISO 7064 mod 97-10), 8-digit bank code, 10-digit
// account. The bank code 37040044 is a published example code; the account is random.
std::string germanIban(Draw& draw) {
    std::string bban = "37040044" + draw.digits(10);
    std::string numeric = bban + "131400"; // "DE" as 13 14, then "00"
    int remainder = 0;
    for (char c : numeric) {
        remainder = (remainder * 10 + (c - '0')) % 97;
    }
    int check = 98 - remainder;
    return "DE" + std::string(1, static_cast<char>('0' + check / 10)) +
           static_cast<char>('0' + check % 10) + bban;
}

// A Visa number from the 4111 11 test prefix with a random body and a valid Luhn digit.
std::string testCard(Draw& draw) {
    std::string payload = "411111" + draw.digits(9);
    return payload + luhnCheckDigit(payload);
}

// Reserved for fiction and tests: Ofcom's 07700 900000-900999, NANPA's 555-0100..0199, and
// the German mobile block 0152 28xxxxxx is used for fiction here too (rotating by customer).
std::string reservedPhone(Draw& draw, int index, std::set<std::string>& used) {
    for (;;) {
        std::string phone;
        switch (index % 3) {
        case 0:
            phone = "+44 7700 900" + draw.digits(3);
            break;
        case 1:
            phone = "+1 202-555-01" + draw.digits(2);
            break;
        default:
            phone = "+49 152 28" + draw.digits(6);
            break;
        }
        if (used.insert(phone).second) {
            return phone;
        }
    }
}

// A birth date between 1940 and 2004 (days 1 to 28, so every one exists), ISO 8601.
std::string birthDate(Draw& draw, std::set<std::string>& used) {
    for (;;) {
        auto twoDigits = [](std::uint64_t n) {
            return std::string(1, static_cast<char>('0' + n / 10)) +
                   static_cast<char>('0' + n % 10);
        };
        std::string date = std::to_string(1940 + draw.below(65)) + "-" +
                           twoDigits(1 + draw.below(12)) + "-" + twoDigits(1 + draw.below(28));
        if (used.insert(date).second) {
            return date;
        }
    }
}

// A real postcode and town with a street that does not exist there: its name is a random tag.
std::string fictionalAddress(Draw& draw, int index) {
    std::string street = draw.tag(4);
    street[0] = static_cast<char>(street[0] - 'a' + 'A');
    std::string number = std::to_string(1 + draw.below(199));
    switch (index % 3) {
    case 0:
        return street + "weg " + number + ", 10115 Berlin";
    case 1:
        return number + " " + street + " Lane, Manchester M1 1AE";
    default:
        return number + " " + street + " Street, Springfield, IL 62701";
    }
}

} // namespace

std::string canaryKindName(CanaryKind kind) {
    switch (kind) {
    case CanaryKind::Name:
        return "name";
    case CanaryKind::Email:
        return "e-mail address";
    case CanaryKind::Phone:
        return "phone number";
    case CanaryKind::Iban:
        return "IBAN";
    case CanaryKind::Card:
        return "card number";
    case CanaryKind::OrderNumber:
        return "order number";
    case CanaryKind::BirthDate:
        return "birth date";
    case CanaryKind::Address:
        return "postal address";
    }
    return "value";
}

std::string canaryCategory(CanaryKind kind) {
    switch (kind) {
    case CanaryKind::Name:
        return "name";
    case CanaryKind::Email:
        return "email";
    case CanaryKind::Phone:
        return "phone";
    case CanaryKind::Iban:
        return "iban";
    case CanaryKind::Card:
        return "card";
    case CanaryKind::OrderNumber:
        return "identifier";
    case CanaryKind::BirthDate:
        return "dob";
    case CanaryKind::Address:
        return "address";
    }
    return "other";
}

const Canary& SyntheticCustomer::canary(CanaryKind kind) const {
    auto found = std::ranges::find(canaries, kind, &Canary::kind);
    if (found == canaries.end()) {
        throw std::logic_error("customer " + id + " has no " + canaryKindName(kind));
    }
    return *found;
}

std::vector<SyntheticCustomer> generateCustomers(std::uint64_t seed, int count) {
    Draw draw(seed);
    // Birth dates and addresses come from a second stream: the other kinds keep the values
    // they had for a seed before these two were added.
    Draw more(seed ^ 0x9e3779b97f4a7c15u);
    std::set<std::string> usedPhones;
    std::set<std::string> usedBirthDates;
    std::vector<SyntheticCustomer> customers;
    for (int i = 0; i < count; ++i) {
        std::string first = firstNames[draw.below(firstNames.size())];
        std::string last = lastNames[draw.below(lastNames.size())];
        std::string tag = draw.tag(4);
        std::string surname = last + "-" + static_cast<char>(tag[0] - 'a' + 'A') + tag.substr(1);
        std::string mailbox = first + "." + last + "." + tag;
        std::ranges::transform(mailbox, mailbox.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        SyntheticCustomer customer{"c" + std::to_string(i + 1), {}};
        customer.canaries = {
            {CanaryKind::Name, first + " " + surname},
            {CanaryKind::Email, mailbox + "@example.com"},
            {CanaryKind::Phone, reservedPhone(draw, i, usedPhones)},
            {CanaryKind::Iban, germanIban(draw)},
            {CanaryKind::Card, testCard(draw)},
            {CanaryKind::OrderNumber, "PA-" + draw.tag(3) + draw.digits(6)},
            {CanaryKind::BirthDate, birthDate(more, usedBirthDates)},
            {CanaryKind::Address, fictionalAddress(more, i)},
        };
        customers.push_back(std::move(customer));
    }
    return customers;
}

} // namespace privaudit::runtime::probe

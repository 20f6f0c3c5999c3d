#include "analyzers/runtime/validators.h"

#include "analyzers/runtime/char_classes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

namespace privaudit::runtime {

namespace {

bool allDigits(std::string_view text) {
    return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

int digitAt(std::string_view text, size_t i) {
    return text[i] - '0';
}

int prefixNumber(std::string_view digits, size_t length) {
    int value = 0;
    for (size_t i = 0; i < length && i < digits.size(); ++i) {
        value = value * 10 + digitAt(digits, i);
    }
    return value;
}

int crossSum(int value) {
    return value / 10 + value % 10;
}

struct CountryLength {
    std::string_view country;
    int length;
};

// IBAN lengths of the SWIFT IBAN registry.
constexpr std::array ibanLengths = std::to_array<CountryLength>({
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
    {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27},
    {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
});

// Countries outside the IBAN registry that are common in BICs.
constexpr std::array otherCountries = std::to_array<std::string_view>({
    "AR", "AU", "CA", "CL", "CN", "CO", "HK", "ID", "IN", "JP", "KR", "MX",
    "MY", "NZ", "NG", "PE", "PH", "RU", "SG", "TH", "TW", "US", "VN", "ZA",
});

} // namespace

bool luhnValid(std::string_view digits) {
    if (!allDigits(digits)) {
        return false;
    }
    int sum = 0;
    bool doubled = false;
    for (size_t i = digits.size(); i-- > 0;) {
        int d = digitAt(digits, i);
        if (doubled) {
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

std::string_view cardScheme(std::string_view digits) {
    size_t n = digits.size();
    int p1 = prefixNumber(digits, 1), p2 = prefixNumber(digits, 2), p3 = prefixNumber(digits, 3),
        p4 = prefixNumber(digits, 4), p6 = prefixNumber(digits, 6);
    if (p1 == 4 && (n == 13 || n == 16 || n == 19)) {
        return "visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) {
        return "mastercard";
    }
    if ((p2 == 34 || p2 == 37) && n == 15) {
        return "amex";
    }
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) &&
        n >= 16 && n <= 19) {
        return "discover";
    }
    if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) {
        return "jcb";
    }
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14 && n <= 19) {
        return "diners";
    }
    if (p2 == 62 && n >= 16 && n <= 19) {
        return "unionpay";
    }
    if (p4 >= 2200 && p4 <= 2204 && n >= 16 && n <= 19) {
        return "mir";
    }
    if ((p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) && n >= 13 && n <= 19) {
        return "maestro";
    }
    return {};
}

int ibanLength(std::string_view countryCode) {
    // Indexed by the two letters: the lookup runs for every upper-case word in a log.
    static constexpr auto table = [] {
        std::array<unsigned char, 26 * 26> lengths{};
        for (const CountryLength& entry : ibanLengths) {
            lengths[(entry.country[0] - 'A') * 26 + (entry.country[1] - 'A')] =
                static_cast<unsigned char>(entry.length);
        }
        return lengths;
    }();
    if (countryCode.size() != 2 || countryCode[0] < 'A' || countryCode[0] > 'Z' ||
        countryCode[1] < 'A' || countryCode[1] > 'Z') {
        return 0;
    }
    return table[(countryCode[0] - 'A') * 26 + (countryCode[1] - 'A')];
}

bool ibanValid(std::string_view iban) {
    if (iban.size() < 15 || static_cast<int>(iban.size()) != ibanLength(iban.substr(0, 2)) ||
        !allDigits(iban.substr(2, 2))) {
        return false;
    }
    int remainder = 0;
    auto feed = [&](char c) {
        if (c >= '0' && c <= '9') {
            remainder = (remainder * 10 + (c - '0')) % 97;
        } else if (c >= 'A' && c <= 'Z') {
            remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        } else {
            remainder = -1000000;
        }
    };
    for (char c : iban.substr(4)) {
        feed(c);
    }
    for (char c : iban.substr(0, 4)) {
        feed(c);
    }
    return remainder == 1;
}

bool iso7064Mod1110Valid(std::string_view digits) {
    if (digits.size() < 2 || !allDigits(digits)) {
        return false;
    }
    int product = 10;
    for (size_t i = 0; i + 1 < digits.size(); ++i) {
        int sum = (digitAt(digits, i) + product) % 10;
        if (sum == 0) {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
        check = 0;
    }
    return check == digitAt(digits, digits.size() - 1);
}

bool germanTaxIdValid(std::string_view digits) {
    if (digits.size() != 11 || !allDigits(digits) || digits[0] == '0') {
        return false;
    }
    std::array<int, 10> counts{};
    for (size_t i = 0; i < 10; ++i) {
        ++counts[digitAt(digits, i)];
    }
    int repeated = 0;
    int repeatedDigit = -1;
    for (int d = 0; d < 10; ++d) {
        if (counts[d] > 3) {
            return false;
        }
        if (counts[d] >= 2) {
            ++repeated;
            repeatedDigit = d;
        }
    }
    if (repeated != 1) {
        return false;
    }
    if (counts[repeatedDigit] == 3) {
        for (size_t i = 0; i + 2 < 10; ++i) {
            if (digitAt(digits, i) == repeatedDigit && digitAt(digits, i + 1) == repeatedDigit &&
                digitAt(digits, i + 2) == repeatedDigit) {
                return false;
            }
        }
    }
    return iso7064Mod1110Valid(digits);
}

bool germanVatIdValid(std::string_view digits) {
    return digits.size() == 9 && digits[0] != '0' && iso7064Mod1110Valid(digits);
}

bool germanPensionNumberValid(std::string_view number) {
    if (number.size() != 12 || !allDigits(number.substr(0, 8)) || number[8] < 'A' ||
        number[8] > 'Z' || !allDigits(number.substr(9))) {
        return false;
    }
    int day = prefixNumber(number.substr(2), 2);
    int month = prefixNumber(number.substr(4), 2);
    if (day > 50) {
        day -= 50;
    }
    if (day < 1 || day > 31 || month < 1 || month > 12) {
        return false;
    }
    int letter = number[8] - 'A' + 1;
    std::string digits = std::string(number.substr(0, 8)) + static_cast<char>('0' + letter / 10) +
                         static_cast<char>('0' + letter % 10) + std::string(number.substr(9, 2));
    static constexpr int weights[] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
    int sum = 0;
    for (size_t i = 0; i < 12; ++i) {
        sum += crossSum(digitAt(digits, i) * weights[i]);
    }
    return sum % 10 == digitAt(number, 11);
}

bool germanHealthInsuranceNumberValid(std::string_view number) {
    if (number.size() != 10 || number[0] < 'A' || number[0] > 'Z' || !allDigits(number.substr(1))) {
        return false;
    }
    int letter = number[0] - 'A' + 1;
    std::string digits = std::string(1, static_cast<char>('0' + letter / 10)) +
                         static_cast<char>('0' + letter % 10) + std::string(number.substr(1, 8));
    int sum = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        sum += crossSum(digitAt(digits, i) * (i % 2 == 0 ? 1 : 2));
    }
    return sum % 10 == digitAt(number, 9);
}

int icaoCheckDigit(std::string_view chars) {
    static constexpr int weights[] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < chars.size(); ++i) {
        char c = chars[i];
        int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
        sum += value * weights[i % 3];
    }
    return sum % 10;
}

bool nhsNumberValid(std::string_view digits) {
    if (digits.size() != 10 || !allDigits(digits)) {
        return false;
    }
    int sum = 0;
    for (size_t i = 0; i < 9; ++i) {
        sum += digitAt(digits, i) * (10 - static_cast<int>(i));
    }
    int check = 11 - sum % 11;
    if (check == 11) {
        check = 0;
    }
    return check != 10 && check == digitAt(digits, 9) &&
           digits.find_first_not_of(digits[0]) != std::string_view::npos;
}

bool usSsnValid(std::string_view digits) {
    if (digits.size() != 9 || !allDigits(digits)) {
        return false;
    }
    int area = prefixNumber(digits, 3);
    int group = prefixNumber(digits.substr(3), 2);
    int serial = prefixNumber(digits.substr(5), 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
        return false;
    }
    // Numbers published as examples (the Woolworth wallet card, an advertisement, the
    // textbook sequence) and single repeated digits are not anyone's.
    for (std::string_view known : {"078051120", "219099999", "123456789"}) {
        if (digits == known) {
            return false;
        }
    }
    return digits.find_first_not_of(digits[0]) != std::string_view::npos;
}

bool ukNinoValid(std::string_view nino) {
    if (nino.size() != 9 || !allDigits(nino.substr(2, 6)) || nino[8] < 'A' || nino[8] > 'D') {
        return false;
    }
    char a = nino[0], b = nino[1];
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
        return false;
    }
    if (std::string_view("DFIQUV").find(a) != std::string_view::npos ||
        std::string_view("DFIOQUV").find(b) != std::string_view::npos) {
        return false;
    }
    for (std::string_view banned : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
        if (nino.substr(0, 2) == banned) {
            return false;
        }
    }
    return true;
}

bool isCountryCode(std::string_view code) {
    // A table, like ibanLength: every 8- and 11-letter capital word ("CUSTOMER") asks.
    static constexpr auto others = [] {
        std::array<bool, 26 * 26> table{};
        for (std::string_view country : otherCountries) {
            table[(country[0] - 'A') * 26 + (country[1] - 'A')] = true;
        }
        return table;
    }();
    if (ibanLength(code) > 0) {
        return true;
    }
    return code.size() == 2 && isUpper(code[0]) && isUpper(code[1]) &&
           others[(code[0] - 'A') * 26 + (code[1] - 'A')];
}

bool bech32AddressValid(std::string_view address) {
    static constexpr std::string_view charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    if (address.size() < 14 || address.size() > 74 || !address.starts_with("bc1")) {
        return false;
    }
    auto polymodStep = [](std::uint32_t chk, int value) {
        static constexpr std::uint32_t generator[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
                                                      0x3d4233dd, 0x2a1462b3};
        std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ static_cast<std::uint32_t>(value);
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) {
                chk ^= generator[i];
            }
        }
        return chk;
    };
    std::uint32_t chk = 1;
    for (char c : std::string_view("bc")) {
        chk = polymodStep(chk, c >> 5);
    }
    chk = polymodStep(chk, 0);
    for (char c : std::string_view("bc")) {
        chk = polymodStep(chk, c & 31);
    }
    for (char c : address.substr(3)) {
        size_t value = charset.find(c);
        if (value == std::string_view::npos) {
            return false;
        }
        chk = polymodStep(chk, static_cast<int>(value));
    }
    return chk == 1 || chk == 0x2bc830a3;
}

double shannonEntropy(std::string_view text) {
    if (text.empty()) {
        return 0.0;
    }
    std::array<int, 256> counts{};
    for (unsigned char c : text) {
        ++counts[c];
    }
    double entropy = 0.0;
    for (int count : counts) {
        if (count > 0) {
            double p = static_cast<double>(count) / static_cast<double>(text.size());
            entropy -= p * std::log2(p);
        }
    }
    return entropy;
}

bool plausibleDate(int year, int month, int day) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days[month - 1];
}

} // namespace privaudit::runtime

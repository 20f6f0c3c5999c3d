#pragma once

#include <string_view>

// Check-digit and structure rules of the identifiers the runtime recognizers look for. Inputs
// are compact: separators removed, letters upper-case.
namespace privaudit::runtime {

bool luhnValid(std::string_view digits);

// The card scheme whose issuer prefix and length `digits` has ("visa", ...), or empty.
std::string_view cardScheme(std::string_view digits);

// The IBAN length of a country, 0 for a country without IBANs.
int ibanLength(std::string_view countryCode);
// Country length and ISO 7064 MOD 97-10 check digits.
bool ibanValid(std::string_view iban);

// ISO 7064 MOD 11,10 over all digits but the last, which is the check digit.
bool iso7064Mod1110Valid(std::string_view digits);
// Steuer-IdNr: 11 digits, no leading zero, in the first ten exactly one digit repeated (twice
// or three times, never three in a row), and the MOD 11,10 check digit.
bool germanTaxIdValid(std::string_view digits);
// USt-IdNr without the "DE": 9 digits, MOD 11,10 on the first eight.
bool germanVatIdValid(std::string_view digits);
// Rentenversicherungs-/Sozialversicherungsnummer: area, birth date (DDMMYY, day may be +50),
// initial letter, serial, check digit.
bool germanPensionNumberValid(std::string_view number);
// Krankenversichertennummer: letter, eight digits, check digit.
bool germanHealthInsuranceNumberValid(std::string_view number);
// ICAO 9303 7-3-1 check digit over `chars` (digits, A=10 ... Z=35, '<'=0).
int icaoCheckDigit(std::string_view chars);

bool nhsNumberValid(std::string_view digits);
bool usSsnValid(std::string_view digits);
bool ukNinoValid(std::string_view nino);
// Two-letter ISO 3166 code that SWIFT uses in BICs.
bool isCountryCode(std::string_view code);

// A bech32 or bech32m Bitcoin address ("bc1...") with a valid checksum.
bool bech32AddressValid(std::string_view address);

// Shannon entropy in bits per character.
double shannonEntropy(std::string_view text);

// True when a plausible calendar date (year 1900..2099).
bool plausibleDate(int year, int month, int day);

} // namespace privaudit::runtime

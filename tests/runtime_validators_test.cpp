// Check-digit rules of the runtime recognizers against published valid and invalid numbers;
// the decoders of encoded spans.
#include "analyzers/runtime/decoders.h"
#include "analyzers/runtime/validators.h"

#include <gtest/gtest.h>

namespace privaudit::runtime {

namespace {

TEST(Validators, Luhn) {
    EXPECT_TRUE(luhnValid("4111111111111111"));
    EXPECT_TRUE(luhnValid("79927398713"));
    EXPECT_FALSE(luhnValid("4111111111111112"));
    EXPECT_FALSE(luhnValid("4111-1111"));
}

TEST(Validators, CardSchemesNeedPrefixAndLength) {
    EXPECT_EQ(cardScheme("4111111111111111"), "visa");
    EXPECT_EQ(cardScheme("2221000000000009"), "mastercard");
    EXPECT_EQ(cardScheme("378282246310005"), "amex");
    EXPECT_EQ(cardScheme("6011111111111117"), "discover");
    EXPECT_EQ(cardScheme("1762161242131"), "") << "a millisecond timestamp";
    EXPECT_EQ(cardScheme("411111111111111"), "") << "Visa has no 15-digit numbers";
}

TEST(Validators, Iban) {
    EXPECT_TRUE(ibanValid("DE89370400440532013000"));
    EXPECT_TRUE(ibanValid("GB82WEST12345698765432"));
    EXPECT_TRUE(ibanValid("CH9300762011623852957"));
    EXPECT_FALSE(ibanValid("DE89370400440532013001")) << "check digits";
    EXPECT_FALSE(ibanValid("DE8937040044053201300")) << "German IBANs have 22 characters";
    EXPECT_FALSE(ibanValid("QQ89370400440532013000")) << "no such country";
}

TEST(Validators, GermanTaxIdChecksDigitAndRepetition) {
    EXPECT_TRUE(germanTaxIdValid("86095742719"));
    EXPECT_TRUE(germanTaxIdValid("59067217832"));
    EXPECT_FALSE(germanTaxIdValid("86095742718")) << "check digit";
    EXPECT_FALSE(germanTaxIdValid("12345678903")) << "no digit repeated";
    EXPECT_FALSE(germanTaxIdValid("01234567899")) << "leading zero";
    EXPECT_FALSE(germanTaxIdValid("11123456780")) << "one digit three times in a row";
}

TEST(Validators, GermanVatPensionHealthAndDocumentNumbers) {
    EXPECT_TRUE(germanVatIdValid("136695976"));
    EXPECT_FALSE(germanVatIdValid("136695977"));
    EXPECT_TRUE(germanPensionNumberValid("71100259D958"));
    EXPECT_FALSE(germanPensionNumberValid("71100259D959"));
    EXPECT_FALSE(germanPensionNumberValid("71991359D958")) << "day 99 is no date";
    EXPECT_TRUE(germanHealthInsuranceNumberValid("A123456780"));
    EXPECT_FALSE(germanHealthInsuranceNumberValid("A123456781"));
    EXPECT_EQ(icaoCheckDigit("L01X00T47"), 1) << "ICAO 9303 specimen";
    EXPECT_EQ(icaoCheckDigit("520727"), 3);
}

TEST(Validators, UkAndUsNumbers) {
    EXPECT_TRUE(nhsNumberValid("9434765919"));
    EXPECT_FALSE(nhsNumberValid("9434765918"));
    EXPECT_FALSE(nhsNumberValid("1111111111")) << "one digit repeated";
    EXPECT_TRUE(usSsnValid("536221234"));
    EXPECT_FALSE(usSsnValid("078051120")) << "the Woolworth wallet card";
    EXPECT_FALSE(usSsnValid("666121234")) << "area 666";
    EXPECT_FALSE(usSsnValid("900121234")) << "area 9xx";
    EXPECT_FALSE(usSsnValid("536001234")) << "group 00";
    EXPECT_TRUE(ukNinoValid("AB123456C"));
    EXPECT_FALSE(ukNinoValid("GB123456C")) << "prefix never issued";
    EXPECT_FALSE(ukNinoValid("DA123456C")) << "D is never a first letter";
    EXPECT_FALSE(ukNinoValid("AB123456E")) << "suffix is A-D";
}

TEST(Validators, Bech32) {
    EXPECT_TRUE(bech32AddressValid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
    EXPECT_FALSE(bech32AddressValid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr"));
}

TEST(Decoders, Base64AndHexSpans) {
    using Kind = EncodedSpan::Kind;
    auto base64 = decodeSpan("amFuZS5kb2VAZXhhbXBsZS5jb20=", Kind::Base64OrHex);
    ASSERT_TRUE(base64);
    EXPECT_EQ(base64->encoding, "base64");
    EXPECT_EQ(base64->text, "jane.doe@example.com");
    // Found by tests/fuzz: spans shorter than 3 characters were read past their end.
    for (std::string_view span : {"", "a", "ab", "amFuZS5kb2"}) {
        EXPECT_FALSE(decodeSpan(span, Kind::Base64OrHex)) << span;
    }
}

} // namespace

} // namespace privaudit::runtime

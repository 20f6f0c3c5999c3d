// Check-digit rules of the runtime recognizers against published valid and invalid numbers;
// the decoders of encoded spans.
#include "analyzers/runtime/decoders.h"
#include "analyzers/runtime/validators.h"

#include <gtest/gtest.h>
#include <random>
#include <string>

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

std::string base64Of(std::string_view bytes) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        unsigned chunk = 0;
        for (size_t k = 0; k < 3; ++k) {
            chunk =
                chunk << 8 | (i + k < bytes.size() ? static_cast<unsigned char>(bytes[i + k]) : 0);
        }
        for (size_t k = 0; k < 4; ++k) {
            out += k * 6 < (bytes.size() - i) * 8 ? alphabet[(chunk >> (18 - 6 * k)) & 63] : '=';
        }
    }
    return out;
}

std::string hexOf(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) {
        out += "0123456789abcdef"[c >> 4];
        out += "0123456789abcdef"[c & 15];
    }
    return out;
}

// German text is UTF-8: an umlaut's two bytes are readable, a lead byte without its
// continuation byte is not (random bytes have many of those).
TEST(Decoders, UmlautsAreReadableBrokenUtf8IsNot) {
    using Kind = EncodedSpan::Kind;
    for (const std::string& text : {std::string("\xc3\x9c"
                                                "ber meine Bestellung, Jürgen Weiß"),
                                    std::string("\xef\xbb\xbf"
                                                "Kundin: Zoë Müller-Lüdenscheidt")}) {
        for (const std::string& span : {base64Of(text), hexOf(text)}) {
            auto decoded = decodeSpan(span, Kind::Base64OrHex);
            ASSERT_TRUE(decoded) << span;
            EXPECT_EQ(decoded->text, text);
            EXPECT_TRUE(decodesToReadableText(span, Kind::Base64OrHex)) << span;
        }
    }
    const std::string broken = "Anfrage \xc3 von \xc3 Frau \xe2\x82 Schmidt";
    for (const std::string& span : {base64Of(broken), hexOf(broken)}) {
        EXPECT_FALSE(decodeSpan(span, Kind::Base64OrHex)) << span;
        EXPECT_FALSE(decodesToReadableText(span, Kind::Base64OrHex)) << span;
    }
}

// decodesToReadableText decides what decodeSpan decides, without decoding all of it: on text
// with unprintable bytes around the 5 % allowance, on random ids and on random base64.
TEST(Decoders, TheStreamedReadabilityCheckAgreesWithDecoding) {
    using Kind = EncodedSpan::Kind;
    std::mt19937 random(3);
    size_t readable = 0;
    for (int round = 0; round < 50000; ++round) {
        std::string bytes;
        size_t length = random() % 60;
        for (size_t i = 0; i < length; ++i) {
            if (random() % 20 == 0) {
                bytes += "\xc3\xa4"; // ä
            } else {
                bytes += random() % 25 == 0 ? static_cast<char>(0x80 + random() % 0x80)
                                            : static_cast<char>(0x20 + random() % 0x5f);
            }
        }
        std::string randomRun;
        for (size_t i = 0; i < length; ++i) {
            randomRun += "0123456789abcdefABCDEF+/=_-"[random() % 27];
        }
        for (const std::string& span : {base64Of(bytes), hexOf(bytes), randomRun}) {
            bool decoded = decodeSpan(span, Kind::Base64OrHex).has_value();
            ASSERT_EQ(decodesToReadableText(span, Kind::Base64OrHex), decoded) << span;
            readable += decoded;
        }
    }
    EXPECT_GT(readable, 1000u);
}

} // namespace

} // namespace privaudit::runtime

// Tests of the name-based personal-data classifier against the real model file.
#include "analyzers/config/document_loader.h"
#include "analyzers/cpp/personal_data_vocabulary.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace privaudit::testing {

namespace {

using cpp::Classification;
using cpp::ExtraName;
using cpp::PersonalDataVocabulary;
using Categories = std::vector<std::string>;

core::DocNode parse(std::string_view yaml) {
    auto loaded = config::loadDocuments(yaml, config::DocumentFormat::Yaml);
    EXPECT_FALSE(loaded.error) << loaded.error->message;
    return loaded.documents.empty() ? core::DocNode{} : loaded.documents.front();
}

PersonalDataVocabulary loadModel(std::vector<std::string>& errors) {
    std::ifstream file(PRIVAUDIT_SOURCE_DIR "/checks/models/personal-data.yaml");
    std::stringstream text;
    text << file.rdbuf();
    return PersonalDataVocabulary::fromModel(parse(text.str()), errors);
}

const PersonalDataVocabulary& model() {
    static const PersonalDataVocabulary vocabulary = [] {
        std::vector<std::string> errors;
        PersonalDataVocabulary loaded = loadModel(errors);
        EXPECT_EQ(errors, std::vector<std::string>{});
        return loaded;
    }();
    return vocabulary;
}

struct Case {
    const char* identifier;
    Categories categories;
};

TEST(PersonalDataVocabulary, ModelLoadsWithoutErrors) {
    std::vector<std::string> errors;
    loadModel(errors);
    EXPECT_EQ(errors, std::vector<std::string>{});
}

TEST(PersonalDataVocabulary, NamesOfPersonalData) {
    const Case cases[] = {
        {"customerEmail", {"email"}},
        {"m_email", {"email"}},
        {"email_", {"email"}},
        {"getEmail", {"email"}},
        {"emailAddress", {"email"}},
        {"e_mail", {"email"}},
        {"mail", {"email"}},
        {"emails", {"email"}},
        {"emailId", {"email"}},
        {"firstName", {"name"}},
        {"fullName", {"name"}},
        {"customerName", {"name"}},
        {"contactName", {"name"}},
        {"phone", {"phone"}},
        {"setPhoneNumber", {"phone"}},
        {"phoneNumbers", {"phone"}},
        {"callerMobile", {"phone"}},
        {"msisdn", {"caller-id"}},
        {"callerId", {"caller-id"}},
        {"ani", {"caller-id"}},
        {"billingAddress", {"address"}},
        {"street_line_1", {"address"}},
        {"streetName", {"address"}},
        {"zipCode", {"address"}},
        {"postcode", {"address"}},
        {"customerAddresses", {"address"}},
        {"birthDate", {"dob"}},
        {"dateOfBirth", {"dob"}},
        {"dob", {"dob"}},
        {"ssn", {"national-id"}},
        {"nationalIdNumber", {"national-id"}},
        {"taxId", {"national-id"}},
        {"passportNo", {"passport"}},
        {"iban", {"iban"}},
        {"ibanDigits", {"iban"}},
        {"accountNumber", {"iban"}},
        {"bic", {"iban"}},
        {"cardNumber", {"card"}},
        {"pan", {"card"}},
        {"cvv2", {"card"}},
        {"expiryMonth", {"card"}},
        {"password", {"credential"}},
        {"newPassword", {"credential"}},
        {"otp", {"credential"}},
        {"pinCode", {"credential"}},
        {"callerPin", {"credential"}},
        {"cardPin", {"credential"}},
        {"accessToken", {"credential"}},
        {"botToken", {"credential"}},
        {"apiKey", {"credential"}},
        {"clientSecret", {"credential"}},
        {"diagnosis", {"health"}},
        {"bloodType", {"health"}},
        {"latitude", {"location"}},
        {"ipAddress", {"location"}},
        {"clientIp", {"location"}},
        {"transcript", {"transcript"}},
        {"transcriptText", {"transcript"}},
        {"utterance", {"transcript"}},
        {"messageText", {"transcript"}},
        {"chatHistory", {"transcript"}},
        {"callRecording", {"transcript"}},
        {"voicemail", {"transcript"}},
        {"orderHistory", {"order-history"}},
        {"customerOrders", {"order-history"}},
        {"customerEmailAndPhone", {"email", "phone"}},
        {"SSN", {"national-id"}},
        // German
        {"vorname", {"name"}},
        {"nachname", {"name"}},
        {"kunde.nachname", {"name"}},
        {"kundenName", {"name"}},
        {"eMailAdresse", {"email"}},
        {"telefonnummer", {"phone"}},
        {"telefon_nummer", {"phone"}},
        {"handy", {"phone"}},
        {"geburtsdatum", {"dob"}},
        {"geburtstag", {"dob"}},
        {"anschrift", {"address"}},
        {"kundeAdresse", {"address"}},
        {"strasse", {"address"}},
        {"hausnummer", {"address"}},
        {"plz", {"address"}},
        {"postleitzahl", {"address"}},
        {"kontonummer", {"iban"}},
        {"blz", {"iban"}},
        {"passwort", {"credential"}},
        {"kennwort", {"credential"}},
        {"steuerId", {"national-id"}},
        {"steuer_id", {"national-id"}},
        {"steuernummer", {"national-id"}},
        {"sozialversicherungsnummer", {"national-id"}},
        {"personalausweis", {"national-id"}},
        {"reisepass", {"passport"}},
        {"krankenversicherung", {"health"}},
    };
    for (const Case& c : cases) {
        std::optional<Classification> found = model().classify(c.identifier);
        ASSERT_TRUE(found) << c.identifier;
        EXPECT_EQ(found->categories, c.categories) << c.identifier;
        EXPECT_FALSE(found->weak) << c.identifier;
    }
}

TEST(PersonalDataVocabulary, AmbiguousWordsAreWeak) {
    const Case cases[] = {
        {"name", {"name"}},           {"displayName", {"name"}},
        {"userName", {"name"}},       {"username", {"name"}},
        {"queueName", {"name"}},      {"address", {"address"}},
        {"city", {"address"}},        {"ort", {"address"}},
        {"pin", {"credential"}},      {"token", {"credential"}},
        {"mobile", {"phone"}},        {"ip", {"location"}},
        {"remoteAddr", {"location"}}, {"message", {"transcript"}},
        {"audio", {"transcript"}},    {"orders", {"order-history"}},
        {"health", {"health"}},       {"konto", {"iban"}},
    };
    for (const Case& c : cases) {
        std::optional<Classification> found = model().classify(c.identifier);
        ASSERT_TRUE(found) << c.identifier;
        EXPECT_EQ(found->categories, c.categories) << c.identifier;
        EXPECT_TRUE(found->weak) << c.identifier;
    }
}

TEST(PersonalDataVocabulary, StrongMatchesHideWeakOnes) {
    std::optional<Classification> found = model().classify("emailDisplayName");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->categories, Categories{"email"});
    EXPECT_FALSE(found->weak);
}

TEST(PersonalDataVocabulary, NamesOfDataThatIsNotPersonalOrIsProtected) {
    for (const char* identifier :
         {// about the data, not the data
          "emailLength", "isEmailValid", "validateEmail", "hasPhone", "phoneFormat", "emailRegex",
          "nameIndex", "passwordMinLength", "emailType", "tokenType", "tokenExpiry",
          "passwordPolicy", "emailColumn", "phoneNumberField", "recordingEnabled", "transcriptPath",
          "recordingUrl", "emailCount", "orderIds", "totalOrders", "geoIpDatabasePath",
          // already protected
          "hashedPassword", "passwordHash", "maskedIban", "encryptedCardNumber",
          "redactedTranscript", "anonymizedEmail", "pseudonymizedName", "redactEmail", "maskPhone",
          // names of things that are not people
          "fileName", "hostName", "serverName", "className", "functionName", "typeName",
          "userAgent", "mailServer", "mailbox", "secretName",
          // keys and counters
          "customerId", "orderId", "sessionId", "kunden_nr", "customerNumber", "requestCount",
          "transcriptId", "messageId",
          // addresses that are not postal
          "macAddress", "memoryAddress", "serverAddress", "addressFamily", "sockaddr",
          "bindAddress", "baseAddress",
          // components that handle the data
          "emailClient", "phoneValidator", "CustomerRepository", "addressParser", "emailSender",
          "HardcodedSecretCheck", "ContactFlow",
          // tokens that are not credentials, constants, words inside words
          "nextToken", "pageToken", "tokenizer", "publicKey", "PHONE_NUMBER", "kEmailField",
          "kEmail", "DB_PASSWORD", "pinned", "company", "hotel", "sort", "organization", "order",
          "orderTotal", "cardLayout", "adaptiveCard", "countryCode",
          // German
          "emailLaenge", "istGueltig", "anzahlKunden", "passwortVerschluesselt", "dateiName",
          "kundennummer"}) {
        EXPECT_FALSE(model().classify(identifier)) << identifier;
    }
}

TEST(PersonalDataVocabulary, DataSubjects) {
    for (const char* name : {"Customer", "CustomerRecord", "KundeDto", "kunden", "callerInfo",
                             "UserProfile", "Patient", "AccountHolder", "customers"}) {
        EXPECT_TRUE(model().namesDataSubject(name)) << name;
    }
    for (const char* name : {"CustomerRepository", "customerId", "CustomerType", "customerCount",
                             "User", "HttpClient", "Queue", "CUSTOMER_TABLE"}) {
        EXPECT_FALSE(model().namesDataSubject(name)) << name;
    }
    EXPECT_FALSE(model().classify("customer"));
}

TEST(PersonalDataVocabulary, PolicyNamesAddAndOverride) {
    PersonalDataVocabulary vocabulary = model();
    std::vector<std::string> errors;
    const ExtraName extra[] = {{"memberNo", "national-id"},
                               {"loyalty card", "card"},
                               {"pin", "credential"},
                               {"pan", "none"},
                               {"Mitglied", "customer"},
                               {"favouriteColour", "colour"},
                               {"__", "email"}};
    vocabulary.addNames(extra, errors);
    EXPECT_EQ(errors, (std::vector<std::string>{"'favouriteColour': unknown category 'colour'",
                                                "'__' has no words to match"}));
    EXPECT_EQ(vocabulary.classify("memberNo")->categories, Categories{"national-id"});
    EXPECT_EQ(vocabulary.classify("loyaltyCardNumber")->categories, Categories{"card"});
    EXPECT_FALSE(vocabulary.classify("pin")->weak);
    EXPECT_FALSE(vocabulary.classify("pan"));
    EXPECT_TRUE(vocabulary.namesDataSubject("MitgliedDaten"));
    EXPECT_TRUE(vocabulary.classify("mitgliedName"));
    EXPECT_FALSE(vocabulary.classify("mitgliedName")->weak);
    EXPECT_TRUE(model().classify("pin")->weak) << "the shared model stays unchanged";
}

TEST(PersonalDataVocabulary, BadModelsAreReportedWithLines) {
    std::vector<std::string> errors;
    PersonalDataVocabulary::fromModel(parse("categories:\n"
                                            "  email:\n"
                                            "    phrases: [email, E-Mail]\n"
                                            "    strong: [mail]\n"
                                            "  shoe-size:\n"
                                            "    phrases: [shoe size]\n"
                                            "  phone:\n"
                                            "    phrases: [email]\n"
                                            "data-subjects: [customer]\n"
                                            "not-personal-phrases: []\n"
                                            "not-personal-words: [length, email id, email]\n"),
                                      errors);
    EXPECT_EQ(errors,
              (std::vector<std::string>{
                  "line 3: 'E-Mail' is not lowercase ASCII words separated by single spaces",
                  "line 4: unknown key 'strong' (expected phrases or weak)",
                  "line 5: unknown category 'shoe-size'",
                  "line 8: 'email' is already listed under email",
                  "line 11: 'email id' is not one word",
                  "missing section 'not-personal-heads'",
                  "'email' is both a not-personal word and a phrase under email",
              }));
}

TEST(PersonalDataVocabulary, DisplayNames) {
    EXPECT_EQ(PersonalDataVocabulary::displayName("email"), "e-mail address");
    EXPECT_EQ(PersonalDataVocabulary::displayName("dob"), "date of birth");
    EXPECT_EQ(PersonalDataVocabulary::displayName("iban"), "IBAN or bank account");
    EXPECT_EQ(PersonalDataVocabulary::displayName("transcript"), "chat transcript");
    EXPECT_TRUE(PersonalDataVocabulary::isCategory("caller-id"));
    EXPECT_FALSE(PersonalDataVocabulary::isCategory("none"));
}

} // namespace

} // namespace privaudit::testing

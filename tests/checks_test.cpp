// Unit tests for the check helpers and the integrity of the rule catalogue.
#include "analyzers/config/config_check.h"
#include "analyzers/cpp/cpp_check.h"
#include "analyzers/cpp/dataflow_check.h"
#include "checks/catalogue.h"
#include "checks/common/secret_classifier.h"
#include "checks/runtime/probe_check.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using checks::SecretClassifier;
using core::identifierWords;
using Words = std::vector<std::string>;

TEST(IdentifierWords, SplitsEveryNamingStyle) {
    EXPECT_EQ(identifierWords("dbPassword"), (Words{"db", "password"}));
    EXPECT_EQ(identifierWords("DB_PASSWORD"), (Words{"db", "password"}));
    EXPECT_EQ(identifierWords("x-api-key"), (Words{"x", "api", "key"}));
    EXPECT_EQ(identifierWords("APIKey"), (Words{"api", "key"}));
    EXPECT_EQ(identifierWords("HTTPServer2Port"), (Words{"http", "server", "2", "port"}));
    EXPECT_EQ(identifierWords("tracker_store.password"), (Words{"tracker", "store", "password"}));
    EXPECT_EQ(identifierWords("m_accessToken_"), (Words{"m", "access", "token"}));
    EXPECT_EQ(identifierWords(""), Words{});
}

TEST(SecretClassifier, NamesThatDenoteCredentials) {
    const SecretClassifier& classifier = SecretClassifier::instance();
    EXPECT_EQ(classifier.credentialKindOfName("dbPassword"), "password");
    EXPECT_EQ(classifier.credentialKindOfName("KENNWORT"), "password");
    EXPECT_EQ(classifier.credentialKindOfName("stripe_api_key"), "API key");
    EXPECT_EQ(classifier.credentialKindOfName("clientSecret"), "secret");
    EXPECT_EQ(classifier.credentialKindOfName("slack_token"), "token");
    EXPECT_EQ(classifier.credentialKindOfName("privateKey"), "private key");
    EXPECT_FALSE(classifier.credentialKindOfName("publicKey"));
    EXPECT_FALSE(classifier.credentialKindOfName("passwordLength"));
    EXPECT_FALSE(classifier.credentialKindOfName("tokenizer"));
    EXPECT_FALSE(classifier.credentialKindOfName("token_type"));
    EXPECT_FALSE(classifier.credentialKindOfName("hashedPassword"));
    EXPECT_FALSE(classifier.credentialKindOfName("secretName"));
    EXPECT_FALSE(classifier.credentialKindOfName("primaryKey"));
}

TEST(SecretClassifier, PlaceholdersAndReferencesAreNotSecrets) {
    const SecretClassifier& classifier = SecretClassifier::instance();
    for (const char* value :
         {"", "changeme", "<your-api-key>", "${DB_PASSWORD}", "${{ secrets.SLACK_TOKEN }}",
          "os.environ/OPENAI_API_KEY", "$DB_PASSWORD", "xxxxxxxx", "********",
          "vault:secret/data/bot#token", "@Microsoft.KeyVault(SecretUri=https://kv/secrets/x)",
          "arn:aws:secretsmanager:eu-west-1:123456789012:secret:bot", "{{ bot_token }}", "password",
          "dummy-password-for-tests"}) {
        EXPECT_TRUE(classifier.isPlaceholderOrReference(value)) << value;
        EXPECT_FALSE(classifier.classify("password", value)) << value;
    }
}

TEST(SecretClassifier, LiteralsBoundToCredentialNamesOrInKnownFormats) {
    const SecretClassifier& classifier = SecretClassifier::instance();
    EXPECT_EQ(classifier.classify("dbPassword", "Tr0ub4dor&3")->kind, "password");
    EXPECT_FALSE(classifier.classify("greeting", "Tr0ub4dor&3"));
    EXPECT_FALSE(classifier.classify("passwordPrompt", "Please enter your password"));
    EXPECT_FALSE(classifier.classify("password", "Please type it in"));
    EXPECT_EQ(classifier.classify("", "AKIAZ7Q4JX2MNB5TR3WK")->kind, "AWS access key id");
    EXPECT_EQ(classifier.classify("", "-----BEGIN OPENSSH PRIVATE KEY-----")->kind,
              "PEM private key");
    EXPECT_EQ(classifier.classify("url", "postgres://bot:S3cret-pw@db:5432/cc")->kind, "password");
    EXPECT_FALSE(classifier.classify("url", "postgres://bot:${DB_PASSWORD}@db:5432/cc"));
    EXPECT_FALSE(classifier.classify("url", "https://docs.example.org/a:b"));
    EXPECT_EQ(classifier.classify("dsn", "Server=x;Password=Qx7#mR2!;")->kind, "password");
    EXPECT_FALSE(classifier.classify("dsn", "Server=x;Integrated Security=true;"));
}

std::string docPathOf(const core::Rule& rule) {
    std::string name = rule.id;
    std::replace(name.begin(), name.end(), '/', '-');
    return std::string(PRIVAUDIT_SOURCE_DIR) + "/docs/rules/" + name + ".md";
}

// Every rule has its doc page and at least one positive annotated case under testdata/.
TEST(Catalogue, EveryRuleIsDocumentedAndTested) {
    std::string annotatedTestdata;
    for (const auto& entry :
         fs::recursive_directory_iterator(std::string(PRIVAUDIT_SOURCE_DIR) + "/testdata")) {
        if (entry.is_regular_file() && entry.path().extension() == ".expect") {
            std::istringstream lines(readFile(entry.path().string()));
            for (std::string line; std::getline(lines, line);) {
                std::istringstream fields(line); // "LINE RULE-ID [...]"
                int number = 0;
                std::string rule;
                if (fields >> number >> rule) {
                    annotatedTestdata += "expect: " + rule + "\n";
                }
            }
        } else if (entry.is_regular_file()) {
            annotatedTestdata += readFile(entry.path().string());
        }
    }
    const auto& rules = checks::builtinCatalogue().rules();
    ASSERT_FALSE(rules.empty());
    for (const core::Rule& rule : rules) {
        EXPECT_TRUE(fs::exists(docPathOf(rule))) << docPathOf(rule);
        EXPECT_NE(annotatedTestdata.find("expect: " + rule.id), std::string::npos)
            << rule.id << " has no positive annotated testdata";
        EXPECT_NE(rule.name, rule.id);
        EXPECT_LE(rule.description.size(), 1024u) << rule.id;
        EXPECT_FALSE(rule.cwes.empty() && rule.category != "retention" &&
                     rule.category != "oversight" && rule.category != "transparency")
            << rule.id << " needs its CWEs";
    }
}

// A check whose rule is not in the catalogue would report into the void: the scan drops
// findings of unknown rules.
template <class Check> void expectCatalogued() {
    for (const auto& check : core::CheckRegistry<Check>::createAll()) {
        EXPECT_TRUE(checks::builtinCatalogue().find(check->ruleId())) << check->ruleId();
    }
}

TEST(Catalogue, EveryRegisteredCheckHasItsRule) {
    EXPECT_FALSE(core::CheckRegistry<cpp::CppCheck>::createAll().empty());
    EXPECT_FALSE(core::CheckRegistry<cpp::DataflowCheck>::createAll().empty());
    EXPECT_FALSE(core::CheckRegistry<config::ConfigCheck>::createAll().empty());
    EXPECT_FALSE(core::CheckRegistry<checks::ProbeCheck>::createAll().empty());
    expectCatalogued<cpp::CppCheck>();
    expectCatalogued<cpp::DataflowCheck>();
    expectCatalogued<config::ConfigCheck>();
    expectCatalogued<checks::ProbeCheck>();
}

} // namespace

} // namespace privaudit::testing

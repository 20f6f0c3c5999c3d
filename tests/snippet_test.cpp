// Snippets shown in reports keep the code readable and never repeat a secret or personal data.
#include "core/snippet.h"

#include <gtest/gtest.h>

namespace privaudit::core {

namespace {

TEST(MaskedSnippet, MasksSecretsAndPersonalDataButKeepsTheCode) {
    EXPECT_EQ(maskedSnippet("    const char* key = \"sk_live_9f8e7d6c5b4a\";  "),
              "const char* key = \"sk_l****\";");
    EXPECT_EQ(maskedSnippet("spdlog::info(\"lookup for {}\", customer.email);"),
              "spdlog::info(\"lookup for {}\", customer.email);");
    EXPECT_EQ(maskedSnippet("client.Post(\"/v1/chat/completions\", body, \"application/json\");"),
              "client.Post(\"/v1/chat/completions\", body, \"application/json\");");
    EXPECT_EQ(maskedSnippet("Client c(\"http://ledger.internal/api\");"),
              "Client c(\"http://ledger.internal/api\");");
    EXPECT_EQ(maskedSnippet("Client c(\"https://bob:pw@ledger.internal\");"),
              "Client c(\"http****\");");
    EXPECT_EQ(maskedSnippet("\"-----BEGIN RSA PRIVATE KEY-----\\n\""), "\"----****\"");
    EXPECT_EQ(maskedSnippet("long card = 4111111111111111; // test card"),
              "long card = ****1111; // test card");
    EXPECT_EQ(maskedSnippet("# owner: jane.doe@example.com"), "# owner: ****@****");
    EXPECT_EQ(maskedSnippet("int pin = 1234; // keep short numbers"),
              "int pin = 1234; // keep short numbers");
}

TEST(MaskedSnippet, MasksUnquotedConfigValues) {
    EXPECT_EQ(maskedSnippet("  password: Tr0ub4dor&3-prod  # expect: x", SnippetSyntax::Config),
              "password: Tr0u****  # expect: x");
    EXPECT_EQ(maskedSnippet("DB_PASSWORD=hunter2hunter2", SnippetSyntax::Config),
              "DB_PASSWORD=hun****");
    EXPECT_EQ(maskedSnippet("token: ${SLACK_TOKEN}", SnippetSyntax::Config),
              "token: ${SLACK_TOKEN}");
    EXPECT_EQ(maskedSnippet("\"api_key\": \"AKIAxyz0123456789\",", SnippetSyntax::Config),
              "\"a****\": \"AKIA****\",");
    EXPECT_EQ(maskedSnippet("port: 5432", SnippetSyntax::Config), "port: 5432");
    EXPECT_EQ(snippetSyntaxOf("src/a.cpp"), SnippetSyntax::Code);
    EXPECT_EQ(snippetSyntaxOf("bot/endpoints.yml"), SnippetSyntax::Config);
}

} // namespace

} // namespace privaudit::core

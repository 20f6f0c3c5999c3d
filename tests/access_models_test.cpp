// The access-control models a policy file adds: handlers, authorization functions, session
// accessors and data-access functions of an in-house framework.
#include "tests/run_privaudit.h"

#include <gtest/gtest.h>

namespace privaudit::testing {

namespace {

const char* const kInHouseService = R"cpp(#include <string>
namespace acme::web {
struct Context {
    std::string pathParameter(const std::string& name) const;
};
} // namespace acme::web
namespace acme::security {
long currentPrincipal(const acme::web::Context& context);
void requireOwnership(long principal, const std::string& contractId);
} // namespace acme::security
namespace acme::crm {
struct ContractRecord {
    std::string holderName;
    std::string iban;
};
struct Client {
    ContractRecord contract(const std::string& contractId) const;
};
} // namespace acme::crm

namespace acme::api {
struct ContractController {
    std::string showContract(const acme::web::Context& context) {
        std::string contractId = context.pathParameter("contract");
        return crm.contract(contractId).holderName;
    }
    std::string showOwnContract(const acme::web::Context& context) {
        std::string contractId = context.pathParameter("contract");
        acme::security::requireOwnership(acme::security::currentPrincipal(context), contractId);
        return crm.contract(contractId).holderName;
    }
    // Called by the in-house router with the path segment; declared by a name pattern.
    std::string exportContract(const std::string& contractId) {
        return crm.contract(contractId).iban;
    }
    acme::crm::Client crm;
};
} // namespace acme::api
)cpp";

const char* const kPolicy = R"yaml(models:
  request-handlers:
    request-types: [acme::web::Context]
    name-patterns: ["acme::api::*Controller::export*"]
  authorization:
    functions: [acme::security::requireOwnership]
  session-identity:
    functions: [acme::security::currentPrincipal]
  data-access:
    - functions: [acme::crm::Client::contract]
      key-argument: 0
)yaml";

std::vector<std::string> accessFindings(const std::string& output) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t end; (end = output.find('\n', start)) != std::string::npos; start = end + 1) {
        std::string line = output.substr(start, end - start);
        if (line.find("[cpp/missing-access-check]") != std::string::npos) {
            lines.push_back(line.substr(0, line.find(": ")));
        }
    }
    return lines;
}

TEST(AccessModels, PolicyDeclaresAnInHouseFramework) {
    TempDir dir;
    std::string source = dir.write("contracts.cpp", kInHouseService);
    std::string policy = dir.write("privaudit.yaml", kPolicy);
    CommandResult result = runPrivaudit({"scan", source, "--config", policy, "--fail-on", "none"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::vector<std::string> expected = {source + ":25:16", source + ":34:16"};
    EXPECT_EQ(accessFindings(result.out), expected) << result.out;

    // Without the models, nothing in this file looks like a handler.
    CommandResult plain = runPrivaudit({"scan", source, "--fail-on", "none"});
    EXPECT_TRUE(accessFindings(plain.out).empty()) << plain.out;
}

TEST(AccessModels, PolicyNamesFurtherExpiringStores) {
    TempDir dir;
    std::string source = dir.write("cache.cpp", R"cpp(#include <string>
namespace acme::cache {
void put(const std::string& key, const std::string& value, int ttlSeconds = 0);
}
void rememberContact(const std::string& customerId, const std::string& email) {
    acme::cache::put("contact:" + customerId, email);
    acme::cache::put("contact-ttl:" + customerId, email, 1800);
}
)cpp");
    std::string policy = dir.write("privaudit.yaml", R"yaml(models:
  expiring-stores:
    - functions: [acme::cache::put]
      display: the ACME cache
      ttl-argument: 2
)yaml");
    CommandResult result = runPrivaudit({"scan", source, "--config", policy, "--fail-on", "none"});
    EXPECT_NE(result.out.find(source + ":6:5: warning: Personal data (e-mail address) is "
                                       "written to the ACME cache"),
              std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find(":7:5"), std::string::npos) << result.out;
}

TEST(AccessModels, BadModelKeysAreErrorsWithTheirLine) {
    TempDir dir;
    std::string source = dir.write("contracts.cpp", kInHouseService);
    std::string policy = dir.write("privaudit.yaml", "models:\n"
                                                     "  authorization:\n"
                                                     "    function: [acme::authorize]\n");
    CommandResult result = runPrivaudit({"scan", source, "--config", policy});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("privaudit.yaml:3"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("unknown key 'function'"), std::string::npos) << result.err;
}

} // namespace

} // namespace privaudit::testing

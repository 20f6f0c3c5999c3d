// The declarative config-rule engine: paths, conditions, rule definitions, bot projects, and
// user rules from the policy file (the README's example included).
#include "analyzers/config/config_analysis.h"
#include "analyzers/config/data_rule.h"
#include "analyzers/config/doc_path.h"
#include "analyzers/config/document_loader.h"
#include "analyzers/config/rule_condition.h"
#include "checks/config/data_rules.h"
#include "tests/run_privaudit.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace privaudit::config {
namespace {

using core::DocNode;
using testing::readFile;
using testing::runPrivaudit;
using testing::TempDir;

DocNode load(std::string_view yaml) {
    LoadedDocuments loaded = loadDocuments(yaml, DocumentFormat::Yaml);
    EXPECT_FALSE(loaded.error) << loaded.error->message;
    return loaded.documents.empty() ? DocNode() : loaded.documents.front();
}

std::vector<std::string> resolved(const DocNode& root, std::string_view path) {
    std::string error;
    auto parsed = DocPath::parse(path, error);
    EXPECT_TRUE(parsed) << error;
    std::vector<std::string> paths;
    for (const PathMatch& match :
         parsed ? parsed->resolve({nullptr, &root}) : std::vector<PathMatch>{}) {
        paths.push_back(pathOf(root, match.node));
    }
    return paths;
}

using Paths = std::vector<std::string>;

TEST(DocPath, KeysWildcardsAlternativesAndDepth) {
    DocNode root = load("slots:\n  email: {type: text}\n  tariff: {type: categorical}\n"
                        "Actions:\n  - Type: A\n  - Type: B\n"
                        "deep: {x: {liveAgentHandoff: {}}}\n");
    EXPECT_EQ(resolved(root, "slots.*.type"), (Paths{"slots.email.type", "slots.tariff.type"}));
    EXPECT_EQ(resolved(root, "Actions[*].Type"), (Paths{"Actions[0].Type", "Actions[1].Type"}));
    EXPECT_EQ(resolved(root, "Actions[1]"), (Paths{"Actions[1]"}));
    EXPECT_EQ(resolved(root, "Actions[7]"), Paths{});
    EXPECT_EQ(resolved(root, "nothing|slots.email"), (Paths{"slots.email"}));
    EXPECT_EQ(resolved(root, "**.liveAgentHandoff"), (Paths{"deep.x.liveAgentHandoff"}));
    EXPECT_EQ(resolved(root, "."), (Paths{""}));
}

TEST(DocPath, MalformedPathsAreErrors) {
    std::string error;
    EXPECT_FALSE(DocPath::parse("a..b", error));
    EXPECT_NE(error.find("empty step"), std::string::npos);
    EXPECT_FALSE(DocPath::parse("a[x]", error));
    EXPECT_FALSE(DocPath::parse("a]", error));
}

bool holds(std::string_view condition, const DocNode& root) {
    std::vector<RuleError> errors;
    auto parsed = Condition::parse(load(condition), errors);
    EXPECT_TRUE(parsed) << (errors.empty() ? "" : errors.front().message);
    PathMatch start{nullptr, &root};
    return parsed && parsed->holds({{start}, {start}, {start}, nullptr});
}

TEST(Condition, EveryTest) {
    DocNode root = load("type: Redis\nport: 6379\nuse_ssl: \"True\"\nempty: {}\n"
                        "slots: {customer_email: {}}\nlist: [PLAINTEXT, SSL]\n");
    EXPECT_TRUE(holds("{path: type, equals: redis}", root));
    EXPECT_TRUE(holds("{path: use_ssl, equals: true}", root));
    EXPECT_TRUE(holds("{path: port, equals: 6379.0}", root));
    EXPECT_TRUE(holds("{path: port, greater-than: 1024}", root));
    EXPECT_FALSE(holds("{path: port, less-than: 1024}", root));
    EXPECT_TRUE(holds("{path: port, at-least: 6379}", root));
    EXPECT_TRUE(holds("{path: port, at-most: 6379}", root));
    EXPECT_TRUE(holds("{path: record_exp, absent: true}", root));
    EXPECT_TRUE(holds("{path: type, exists: true}", root));
    EXPECT_TRUE(holds("{path: empty, empty: true}", root));
    EXPECT_TRUE(holds("{path: missing, empty: true}", root));
    EXPECT_FALSE(holds("{path: type, empty: true}", root));
    EXPECT_TRUE(holds("{path: 'list[*]', one-of: [plaintext, sasl_plaintext]}", root));
    EXPECT_TRUE(holds("{path: type, matches: '^R'}", root));
    EXPECT_TRUE(holds("{path: slots.*, key-matches: 'e_?mail'}", root));
    EXPECT_TRUE(
        holds("{all: [{path: type, equals: redis}, {not: {path: port, equals: 1}}]}", root));
    EXPECT_TRUE(holds("{any: [{path: type, equals: mongod}, {path: port, exists: true}]}", root));
    EXPECT_FALSE(holds("{not: {path: type, exists: true}}", root));
}

TEST(Condition, DefinitionErrorsNameTheirLine) {
    for (std::string_view bad : {"{path: x, equals: 1, absent: true}", "{path: x, bigger: 1}",
                                 "{path: x, matches: '(unclosed'}", "{path: x, greater-than: many}",
                                 "{all: []}", "{path: 'a..b', exists: true}", "[1, 2]"}) {
        std::vector<RuleError> errors;
        EXPECT_FALSE(Condition::parse(load(std::string("\n") + std::string(bad)), errors)) << bad;
        ASSERT_FALSE(errors.empty()) << bad;
        EXPECT_EQ(errors.front().line, 2) << bad << ": " << errors.front().message;
    }
}

TEST(DataRule, BuiltinRulesLoadAndAreCatalogued) {
    const auto& rules = checks::builtinDataRules();
    EXPECT_GE(rules.size(), 9u);
    for (const DataRule& rule : rules) {
        EXPECT_FALSE(rule.checks.empty()) << rule.id;
    }
}

// The README's user rule, scanned the way a user would.
std::string readmeUserRule() {
    std::string readme = readFile(std::string(PRIVAUDIT_SOURCE_DIR) + "/README.md");
    size_t marker = readme.find("<!-- user-rule-example -->");
    EXPECT_NE(marker, std::string::npos);
    size_t start = readme.find("```yaml\n", marker) + 8;
    return readme.substr(start, readme.find("```", start) - start);
}

TEST(UserRules, TheReadmeExampleFindsWhatItSays) {
    TempDir dir;
    dir.write(".privaudit.yaml", readmeUserRule());
    dir.write("bot/endpoints.yml",
              "action_endpoint:\n  url: https://actions.example.org/webhook\n");
    dir.write("secured/endpoints.yml",
              "action_endpoint:\n  url: https://actions.example.org/webhook\n  token: ${T}\n");
    std::string sarif = dir.path() + "/out.sarif";
    auto result = runPrivaudit({"scan", dir.path(), "-o", sarif, "--quiet", "--fail-on", "none",
                                "--source-root", dir.path()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto log = nlohmann::json::parse(readFile(sarif));
    const auto& run = log["runs"][0];
    std::vector<std::string> places;
    for (const auto& finding : run["results"]) {
        if (finding["ruleId"] == "acme/action-server-without-token") {
            const auto& location = finding["locations"][0]["physicalLocation"];
            places.push_back(location["artifactLocation"]["uri"].get<std::string>() + ":" +
                             std::to_string(location["region"]["startLine"].get<int>()));
        }
    }
    EXPECT_EQ(places, std::vector<std::string>{"bot/endpoints.yml:1"});
    bool described = false;
    for (const auto& rule : run["tool"]["driver"]["rules"]) {
        described |=
            rule["id"] == "acme/action-server-without-token" &&
            rule["shortDescription"]["text"] == "Rasa action server called without a token";
    }
    EXPECT_TRUE(described) << "the user rule's metadata is in the SARIF run";

    dir.write(".privaudit.yaml",
              readmeUserRule() + "rules:\n  acme/action-server-without-token: off\n");
    result = runPrivaudit({"scan", dir.path(), "--format", "json", "--fail-on", "none"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.find("acme/action-server-without-token"), std::string::npos);
}

TEST(UserRules, MalformedRulesArePolicyErrorsWithFileAndLine) {
    TempDir dir;
    dir.write(".privaudit.yaml", "config-rules:\n"
                                 "  - id: acme/broken\n"
                                 "    title: Broken\n"
                                 "    level: warning\n"
                                 "    severity: 3\n"
                                 "    category: access\n"
                                 "    checks:\n"
                                 "      - platforms: [rasa, slack]\n"
                                 "        where: {path: url, resembles: http}\n"
                                 "        message: x\n"
                                 "  - id: config/no-retention\n"
                                 "    title: Taken\n"
                                 "    level: note\n"
                                 "    severity: 1\n"
                                 "    category: retention\n"
                                 "    checks: [{platforms: [rasa], message: x}]\n");
    dir.write("endpoints.yml", "tracker_store:\n  type: redis\n");
    auto result = runPrivaudit({"scan", dir.path(), "--format", "json"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find(".privaudit.yaml:8:20: error: unknown platform 'slack'"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(".privaudit.yaml:9:28: error: unknown test 'resembles'"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(".privaudit.yaml:11: error: config rule: rule id "
                              "'config/no-retention' is already taken"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.out.find("config/no-retention"), std::string::npos)
        << "the built-in rules still run";
}

// Project rules see every file of a bot: the hand-off in data/ counts for domain.yml.
TEST(BotProjects, ProjectRulesJoinTheFilesOfOneBot) {
    TempDir dir;
    dir.write("bot/domain.yml", "version: '3.1'\nresponses:\n  utter_greet:\n"
                                "    - text: Hi, I am the virtual assistant.\n");
    dir.write("bot/data/rules.yml",
              "version: '3.1'\nrules:\n  - rule: handoff\n    steps:\n"
              "      - intent: human_handoff\n      - action: action_handoff\n");
    dir.write("lonely/domain.yml", "version: '3.1'\nresponses:\n  utter_greet:\n"
                                   "    - text: Welcome to Contoso!\n");
    auto result = runPrivaudit({"scan", dir.path(), "--format", "json", "--fail-on", "none"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    auto findings = nlohmann::json::parse(result.out)["findings"];
    std::vector<std::string> places;
    for (const auto& finding : findings) {
        places.push_back(std::filesystem::path(finding["file"].get<std::string>())
                             .parent_path()
                             .filename()
                             .string() +
                         " " + finding["ruleId"].get<std::string>());
    }
    std::sort(places.begin(), places.end());
    EXPECT_EQ(places, (std::vector<std::string>{"lonely config/no-ai-disclosure",
                                                "lonely config/no-human-handoff"}));
}

} // namespace
} // namespace privaudit::config

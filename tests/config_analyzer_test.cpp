#include "analyzers/config/config_analysis.h"
#include "analyzers/config/config_candidates.h"
#include "analyzers/config/config_check.h"
#include "analyzers/config/config_file.h"
#include "analyzers/config/document_loader.h"
#include "analyzers/config/jsonc.h"
#include "analyzers/config/text_encoding.h"
#include "analyzers/config/tree_walk.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <stdexcept>

namespace privaudit::config {
namespace {

using core::DocNode;
using core::Notification;

DocNode loadOne(std::string_view text, DocumentFormat format = DocumentFormat::Yaml) {
    LoadedDocuments loaded = loadDocuments(text, format);
    EXPECT_FALSE(loaded.error) << loaded.error->message;
    EXPECT_EQ(loaded.documents.size(), 1u);
    return loaded.documents.empty() ? DocNode() : loaded.documents.front();
}

LoadError loadError(std::string_view text, DocumentFormat format) {
    LoadedDocuments loaded = loadDocuments(text, format);
    EXPECT_TRUE(loaded.documents.empty());
    return loaded.error.value_or(LoadError{-1, -1, "no error"});
}

void expectAt(const DocNode* node, int line, int column) {
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(node->line, line);
    EXPECT_EQ(node->column, column);
}

ConfigFile parse(const std::string& path, const std::string& text) {
    auto parsed = parseConfigFile(path, text);
    if (const auto* error = std::get_if<LoadError>(&parsed)) {
        ADD_FAILURE() << path << ":" << error->line << ": " << error->message;
        return {};
    }
    return std::get<ConfigFile>(std::move(parsed));
}

// A file in a fresh temporary folder, removed with the fixture.
class TempFiles : public ::testing::Test {
protected:
    std::string write(const std::string& name, std::string_view bytes) {
        std::filesystem::path path = folder_ / name;
        std::ofstream(path, std::ios::binary).write(bytes.data(), std::ssize(bytes));
        return path.string();
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    std::filesystem::path folder_ = [] {
        auto path = std::filesystem::temp_directory_path() /
                    ("privaudit-config-test-" +
                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(path);
        return path;
    }();
};

TEST(DocumentLoader, YamlPositionsAreOneBased) {
    DocNode root = loadOne("tracker_store:\n  type: SQL\n  password: \"S3cure\"\n");
    expectAt(&root, 1, 1);
    const DocNode* store = root.find("tracker_store");
    expectAt(store, 2, 3);
    expectAt(store->find("type"), 2, 9);
    const DocNode* password = store->find("password");
    expectAt(password, 3, 13);
    EXPECT_EQ(password->scalar, "S3cure");
    EXPECT_TRUE(password->quoted);
    EXPECT_FALSE(store->find("type")->quoted);
    EXPECT_EQ(store->entries[1].first.line, 3);
    EXPECT_EQ(store->entries[1].first.column, 3);
}

TEST(DocumentLoader, EmptyValueSitsAtItsKey) {
    DocNode root = loadOne("rest:\nsocketio: ~\n");
    const DocNode* rest = root.find("rest");
    EXPECT_EQ(rest->kind, DocNode::Kind::Null);
    expectAt(rest, 1, 1);
    expectAt(root.find("socketio"), 2, 11);
}

TEST(DocumentLoader, BlockScalarsAndExplicitStringsAreQuoted) {
    DocNode root = loadOne("a: |\n  text\nb: !!str 5\nc: 5\n");
    EXPECT_TRUE(root.find("a")->quoted);
    EXPECT_EQ(root.find("a")->scalar, "text\n");
    EXPECT_TRUE(root.find("b")->quoted);
    EXPECT_EQ(root.find("b")->tag, "!!str");
    EXPECT_FALSE(root.find("c")->quoted);
}

TEST(DocumentLoader, KeepsCloudFormationTags) {
    DocNode root = loadOne("Password: !Ref DbPassword\n"
                           "Role: !GetAtt [FulfillmentRole, Arn]\n"
                           "Bucket: !Sub \"artifacts-${AWS::AccountId}\"\n");
    EXPECT_EQ(root.find("Password")->tag, "!Ref");
    EXPECT_EQ(root.find("Password")->scalar, "DbPassword");
    EXPECT_EQ(root.find("Role")->tag, "!GetAtt");
    EXPECT_EQ(root.find("Role")->items.size(), 2u);
    EXPECT_EQ(root.find("Bucket")->tag, "!Sub");
    EXPECT_EQ(root.find("Bucket")->scalar, "artifacts-${AWS::AccountId}");
}

TEST(DocumentLoader, ExpandsAliases) {
    DocNode root = loadOne("base: &db {user: rasa}\ncopy: *db\n");
    EXPECT_EQ(root.find("copy")->find("user")->scalar, "rasa");
}

TEST(DocumentLoader, ReadsEveryDocumentOfAStream) {
    LoadedDocuments loaded = loadDocuments("a: 1\n---\nb: 2\n", DocumentFormat::Yaml);
    ASSERT_EQ(loaded.documents.size(), 2u);
    expectAt(loaded.documents[1].find("b"), 3, 4);
}

TEST(DocumentLoader, JsonPositions) {
    DocNode root =
        loadOne("{\"a\": {\n\t\"b\": \"x\\u00e9\\/\",\"c\":[1,2]}}", DocumentFormat::Json);
    const DocNode* b = root.find("a")->find("b");
    expectAt(b, 2, 7);
    EXPECT_EQ(b->scalar, "x\xC3\xA9/");
    EXPECT_TRUE(b->quoted);
    expectAt(root.find("a")->find("c"), 2, 23);
}

TEST(DocumentLoader, JsonWithCommentsAndTrailingCommas) {
    std::string text = "{\n"
                       "  // \"password\": \"old\"\n"
                       "  \"url\": \"https://bot.contoso.net/api\", // trailing\n"
                       "  /* a block\n"
                       "     over two lines */ \"id\": \"a/*b*/c\",\n"
                       "  \"list\": [1, 2,],\n"
                       "}\n";
    DocNode root = loadOne(text, DocumentFormat::Json);
    EXPECT_EQ(root.entries.size(), 3u);
    EXPECT_EQ(root.find("url")->scalar, "https://bot.contoso.net/api");
    expectAt(root.find("url"), 3, 10);
    EXPECT_EQ(root.find("id")->scalar, "a/*b*/c");
    expectAt(root.find("id"), 5, 30);
    EXPECT_EQ(root.find("list")->items.size(), 2u);
}

TEST(DocumentLoader, JsoncBecomesJsonInPlace) {
    EXPECT_EQ(jsoncAsJson("{\"a\": \"//x\"} // c\n/*d\ne*/1"), "{\"a\": \"//x\"}     \n   \n   1");
    EXPECT_EQ(jsoncAsJson("\"esc\\\"//\" /* open"), "\"esc\\\"//\"        ");
    EXPECT_EQ(jsoncAsJson("[1, \",]\", /* c */\n]"), "[1, \",]\"         \n]");
    EXPECT_EQ(jsoncAsJson("{\"a\": [1,2,],}"), "{\"a\": [1,2 ] }");
}

TEST(DocumentLoader, ByteOrderMarkDoesNotShiftColumns) {
    DocNode root = loadOne("\xEF\xBB\xBF{\"a\": 1}", DocumentFormat::Json);
    expectAt(root.find("a"), 1, 7);
}

TEST(DocumentLoader, MalformedYamlReportsLineAndColumn) {
    LoadError error = loadError("a: 1\nb: [1,\n", DocumentFormat::Yaml);
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.column, 1);
    EXPECT_FALSE(error.message.empty());

    error = loadError("a: b\n  c: d\n", DocumentFormat::Yaml);
    EXPECT_EQ(error.line, 2);
    EXPECT_EQ(error.column, 4);
}

TEST(DocumentLoader, JsonIsStricterThanYaml) {
    LoadError error = loadError("{\n  \"MicrosoftAppPassword\": \n}\n", DocumentFormat::Json);
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.column, 1);
    EXPECT_NE(error.message.find("unexpected '}'"), std::string::npos) << error.message;
    EXPECT_EQ(loadError("{\"a\": 1}\n{\"b\": 2}", DocumentFormat::Json).line, 2);
    EXPECT_EQ(loadError("{\"a\": \"open}", DocumentFormat::Json).line, 1);
}

TEST(DocumentLoader, UnclosedQuoteIsAnError) {
    LoadError error =
        loadError("tracker_store:\n  password: \"unterminated\n", DocumentFormat::Yaml);
    EXPECT_EQ(error.line, 2);
    EXPECT_EQ(error.column, 13);
    EXPECT_EQ(loadError("a: !Sub 'it''s\n", DocumentFormat::Yaml).line, 1);
    EXPECT_FALSE(loadDocuments("a: 'it''s'\nb: \"\\\"\"\n", DocumentFormat::Yaml).error);
}

TEST(DocumentLoader, EmptyFileHasNoDocuments) {
    EXPECT_TRUE(loadDocuments("", DocumentFormat::Yaml).documents.empty());
    EXPECT_TRUE(loadDocuments("# only a comment\n", DocumentFormat::Yaml).documents.empty());
    LoadedDocuments json = loadDocuments(" \n// only a comment\n", DocumentFormat::Json);
    EXPECT_FALSE(json.error);
    EXPECT_TRUE(json.documents.empty());
}

TEST(DocumentLoader, MalformedJsonReportsLineAndColumn) {
    LoadError error = loadError("{\"a\": [1, 2}", DocumentFormat::Json);
    EXPECT_EQ(error.line, 1);
    EXPECT_EQ(error.column, 12);
    EXPECT_EQ(error.message.find('\n'), std::string::npos);
}

TEST(DocumentLoader, RejectsHostileNestingAndAliasBombs) {
    std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    EXPECT_TRUE(loadDocuments(deep, DocumentFormat::Json).error);

    std::string laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        std::string previous = "*a" + std::to_string(i - 1);
        laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) {
            laughs += (k ? ", " : "") + previous;
        }
        laughs += "]\n";
    }
    LoadedDocuments loaded = loadDocuments(laughs, DocumentFormat::Yaml);
    ASSERT_TRUE(loaded.error);
    EXPECT_NE(loaded.error->message.find("aliases"), std::string::npos);
}

// yaml-cpp 0.7's LoadAll loops forever, allocating, on these.
TEST(DocumentLoader, StrayTokenBetweenDocumentsIsAnError) {
    for (std::string_view text : {",", "\"a\"\n,", "...\n,", "!t ,"}) {
        LoadError error = loadError(text, DocumentFormat::Yaml);
        EXPECT_GT(error.line, 0) << text;
    }
    EXPECT_EQ(loadError("a: 1\n...\n,\n", DocumentFormat::Yaml).message, "unexpected ','");
}

TEST(DocumentLoader, EmptyDocumentsAreKept) {
    LoadedDocuments loaded = loadDocuments("---\n---\na: 1\n", DocumentFormat::Yaml);
    ASSERT_FALSE(loaded.error);
    ASSERT_EQ(loaded.documents.size(), 2u);
    EXPECT_EQ(loaded.documents[0].kind, DocNode::Kind::Null);
}

TEST(DocumentLoader, FormatFollowsExtension) {
    EXPECT_EQ(formatForPath("settings/appsettings.json"), DocumentFormat::Json);
    EXPECT_EQ(formatForPath("a.JSONC"), DocumentFormat::Json);
    EXPECT_EQ(formatForPath("dialogs/main.dialog"), DocumentFormat::Json);
    EXPECT_EQ(formatForPath("endpoints.yml"), DocumentFormat::Yaml);
    EXPECT_EQ(formatForPath("flow"), DocumentFormat::Json); // Connect flows lack an extension
}

TEST(ConfigFile, LocationSpansTheScalarText) {
    ConfigFile file = parse("e.yml", "a: \"x\\\"y\"  # c\nb: 'it''s'\nc: plain value # c\r\n"
                                     "d: [one, two]\ne: {k: v}\n");
    const DocNode& root = file.documents.front();
    auto span = [&](const DocNode* node) {
        core::SourceLocation location = file.locationOf(*node);
        return std::pair{location.column, location.endColumn};
    };
    EXPECT_EQ(span(root.find("a")), std::pair(4, 10));
    EXPECT_EQ(span(root.find("b")), std::pair(4, 11));
    EXPECT_EQ(span(root.find("c")), std::pair(4, 15));
    EXPECT_EQ(span(&root.find("d")->items[1]), std::pair(10, 13));
    EXPECT_EQ(span(root.find("e")->find("k")), std::pair(8, 9));
    EXPECT_EQ(file.locationOf(*root.find("c")).file, "e.yml");
    EXPECT_EQ(file.line(3), "c: plain value # c");
    EXPECT_EQ(file.line(7), "");
}

struct PlatformCase {
    std::string path;
    std::string text;
    Platform expected;
};

class PlatformDetection : public ::testing::TestWithParam<PlatformCase> {};

TEST_P(PlatformDetection, RecognizesThePlatform) {
    const PlatformCase& c = GetParam();
    EXPECT_EQ(platformName(parse(c.path, c.text).platform), platformName(c.expected)) << c.path;
}

INSTANTIATE_TEST_SUITE_P(
    ConfigFile, PlatformDetection,
    ::testing::Values(
        PlatformCase{"endpoints.yml", "tracker_store:\n  type: redis\n", Platform::Rasa},
        PlatformCase{"prod-endpoints.yaml", "action_endpoint:\n  url: http://a\n", Platform::Rasa},
        PlatformCase{"config.yml", "recipe: default.v1\nlanguage: en\n", Platform::Rasa},
        PlatformCase{"config.yml", "pipeline: []\npolicies: []\n", Platform::Rasa},
        PlatformCase{"domain.yml", "version: \"3.1\"\nintents: [greet]\n", Platform::Rasa},
        PlatformCase{"credentials.yml", "rest:\nsocketio:\n", Platform::Rasa},
        PlatformCase{"rest.yml", "rest:\n", Platform::GenericYaml},
        PlatformCase{"appsettings.Development.json", "{\"MicrosoftAppId\": \"\"}",
                     Platform::BotFramework},
        PlatformCase{"dialogs/main.dialog", "{\"$kind\": \"Microsoft.AdaptiveDialog\"}",
                     Platform::BotFramework},
        PlatformCase{"proxy.yaml", "model_list:\n  - model_name: gpt\n", Platform::LiteLlm},
        PlatformCase{"agent.json", "{\"startFlow\": \"x\", \"advancedSettings\": {}}",
                     Platform::DialogflowCx},
        PlatformCase{"webhooks/w.json", "{\"genericWebService\": {\"uri\": \"https://a\"}}",
                     Platform::DialogflowCx},
        PlatformCase{"agent.json", "{\"disableInteractionLogs\": false}", Platform::DialogflowEs},
        PlatformCase{"Bot.json",
                     "{\"dataPrivacy\":{\"childDirected\":false},"
                     "\"idleSessionTTLInSeconds\":300}",
                     Platform::AmazonLexV2},
        PlatformCase{"Manifest.json", "{\"metaData\": {\"fileFormat\": \"LexJson\"}}",
                     Platform::AmazonLexV2},
        PlatformCase{"flow.json",
                     "{\"Version\": \"2019-10-30\", \"StartAction\": \"a\", "
                     "\"Actions\": []}",
                     Platform::AmazonConnect},
        PlatformCase{"template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\n",
                     Platform::AwsCloudFormation},
        PlatformCase{"bot.yaml", "Resources:\n  Bot:\n    Type: AWS::Lex::Bot\n",
                     Platform::AwsCloudFormation},
        PlatformCase{"flow.yaml", "inboundCall:\n  name: Support\n", Platform::GenesysArchitect},
        PlatformCase{"bot.config.json", "{\"id\": \"support\"}", Platform::Botpress},
        PlatformCase{"deploy.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\n",
                     Platform::Kubernetes},
        PlatformCase{"multi.yaml", "name: x\n---\nmodel_list: []\n", Platform::LiteLlm},
        PlatformCase{"other.json", "[1, 2]", Platform::GenericJson}));

TEST(ConfigCandidates, PicksConfigFilesOnly) {
    EXPECT_TRUE(isConfigCandidate("bot/endpoints.yml"));
    EXPECT_TRUE(isConfigCandidate("bot/settings/appsettings.Production.json"));
    EXPECT_TRUE(isConfigCandidate("bot/dialogs/main.dialog"));
    EXPECT_TRUE(isConfigCandidate("a.JSONC"));
    EXPECT_FALSE(isConfigCandidate("build/compile_commands.json"));
    EXPECT_FALSE(isConfigCandidate("package-lock.json"));
    EXPECT_FALSE(isConfigCandidate("yarn.lock"));
    EXPECT_FALSE(isConfigCandidate("tsconfig.build.json"));
    EXPECT_FALSE(isConfigCandidate("out/report.sarif"));
    EXPECT_FALSE(isConfigCandidate(".privaudit.yaml"));
    EXPECT_FALSE(isConfigCandidate("src/main.cpp"));
}

TEST(TextEncoding, AcceptsUtf8TextOnly) {
    EXPECT_TRUE(isUtf8Text("name: Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n"));
    EXPECT_FALSE(isUtf8Text(std::string_view("a\0b", 3)));
    EXPECT_FALSE(isUtf8Text("\xFF\xFE"));         // UTF-16 byte order mark
    EXPECT_FALSE(isUtf8Text("\xC0\xAF"));         // overlong "/"
    EXPECT_FALSE(isUtf8Text("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(isUtf8Text("\xE2\x82"));         // truncated
    EXPECT_FALSE(isUtf8Text("\xF4\x90\x80\x80")); // beyond U+10FFFF
}

TEST(TreeWalk, VisitsMappingsWithKeyPaths) {
    DocNode root = loadOne("a:\n  b: {c: 1}\nlist:\n  - {d: 2}\n  - skip: {e: 3}\n");
    std::vector<std::string> visits;
    forEachMapping(root, [&](const MappingVisit& visit) {
        visits.push_back(visit.path + "|" + std::string(visit.key) + "|" + visit.sequencePath);
        return !visit.mapping.find("skip");
    });
    EXPECT_EQ(visits, (std::vector<std::string>{"||", "a|a|", "a.b|b|", "list[0]|list|list",
                                                "list[1]|list|list"}));
}

class FixedCheck : public ConfigCheck {
public:
    explicit FixedCheck(std::string_view id = "config/test", bool throws = false)
        : id_(id), throws_(throws) {}
    std::string_view ruleId() const override { return id_; }
    void check(const ConfigFile& file, std::vector<core::Finding>& findings) const override {
        if (throws_) {
            throw std::runtime_error("boom");
        }
        core::Finding finding;
        finding.ruleId = id_;
        finding.message = std::string(platformName(file.platform));
        finding.location = file.locationOf(file.documents.front());
        findings.push_back(finding);
    }

private:
    std::string_view id_;
    bool throws_;
};

using ConfigAnalysisTest = TempFiles;

TEST_F(ConfigAnalysisTest, RunsChecksOnAParsedFile) {
    FixedCheck check;
    ConfigAnalysis analysis =
        analyzeConfigFile(write("endpoints.yml", "tracker_store: {}\n"), {&check});
    EXPECT_TRUE(analysis.notifications.empty());
    ASSERT_EQ(analysis.findings.size(), 1u);
    EXPECT_EQ(analysis.findings.front().message, "Rasa");
}

TEST_F(ConfigAnalysisTest, BinaryFileIsUnreadable) {
    FixedCheck check;
    ConfigAnalysis analysis =
        analyzeConfigFile(write("model.json", std::string("{\"a\": \"\0\"}", 10)), {&check});
    EXPECT_TRUE(analysis.findings.empty());
    ASSERT_EQ(analysis.notifications.size(), 1u);
    EXPECT_EQ(analysis.notifications.front().kind, Notification::Kind::InputUnreadable);
    EXPECT_NE(analysis.notifications.front().message.find("binary"), std::string::npos);
}

TEST_F(ConfigAnalysisTest, MissingFileIsUnreadable) {
    ConfigAnalysis analysis = analyzeConfigFile((folder_ / "absent.yml").string(), {});
    ASSERT_EQ(analysis.notifications.size(), 1u);
    EXPECT_EQ(analysis.notifications.front().kind, Notification::Kind::InputUnreadable);
}

TEST_F(ConfigAnalysisTest, ParseErrorNamesFileLineAndColumn) {
    std::string path = write("credentials.yml", "rest:\nfacebook: [\n");
    ConfigAnalysis analysis = analyzeConfigFile(path, {});
    ASSERT_EQ(analysis.notifications.size(), 1u);
    const Notification& notification = analysis.notifications.front();
    EXPECT_EQ(notification.kind, Notification::Kind::ParseError);
    EXPECT_EQ(notification.oneLine(), path + ":3:1: error: invalid YAML: end of sequence flow "
                                             "not found");
}

TEST_F(ConfigAnalysisTest, OversizedFileIsSkipped) {
    std::string path = write("huge.json", std::string(maxConfigFileSize + 1, ' '));
    ConfigAnalysis analysis = analyzeConfigFile(path, {});
    ASSERT_EQ(analysis.notifications.size(), 1u);
    EXPECT_EQ(analysis.notifications.front().kind, Notification::Kind::InputUnreadable);
    EXPECT_EQ(analysis.notifications.front().level, core::Level::Warning);
}

TEST_F(ConfigAnalysisTest, AThrowingCheckBecomesANotification) {
    FixedCheck throwing("config/broken", true);
    FixedCheck working;
    ConfigAnalysis analysis = analyzeConfigFile(write("a.yaml", "a: 1\n"), {&throwing, &working});
    EXPECT_EQ(analysis.findings.size(), 1u);
    ASSERT_EQ(analysis.notifications.size(), 1u);
    EXPECT_NE(analysis.notifications.front().message.find("config/broken"), std::string::npos);
}

} // namespace
} // namespace privaudit::config

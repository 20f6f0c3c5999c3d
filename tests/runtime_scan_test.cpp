// privaudit scan-data end to end: entities per annotated line, SARIF properties and logical
// locations, masking, options and exit codes, and bad input.
#include "tests/run_privaudit.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>
#include <zlib.h>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct EntityMark {
    std::string file;
    int line = 0;
    std::string entity;
    friend auto operator<=>(const EntityMark&, const EntityMark&) = default;
};

std::string describe(const EntityMark& mark) {
    return mark.file + ":" + std::to_string(mark.line) + " " + mark.entity;
}

Json scanData(const std::vector<std::string>& paths, std::vector<std::string> extra = {}) {
    TempDir temp;
    std::string report = temp.path() + "/report.json";
    std::vector<std::string> args = {"scan-data"};
    args.insert(args.end(), paths.begin(), paths.end());
    args.insert(args.end(), {"-o", report, "--fail-on", "none", "--quiet", "--source-root", "."});
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult result = runPrivaudit(args);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return Json::parse(readFile(report));
}

// The third column of the .expect files: which entity each finding must be.
TEST(ScanData, EveryAnnotatedLineHasItsEntity) {
    std::set<EntityMark> expected;
    for (std::string folder : {"testdata/runtime", "testdata/demo/logs"}) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() != ".expect") {
                continue;
            }
            std::string file = folder + "/" + entry.path().stem().string();
            std::istringstream lines(readFile(entry.path().string()));
            for (std::string text; std::getline(lines, text);) {
                std::istringstream fields(text);
                int line = 0;
                std::string rule, entity;
                if (!text.starts_with("#") && fields >> line >> rule >> entity) {
                    expected.insert({file, line, entity});
                }
            }
        }
    }
    ASSERT_GT(expected.size(), 60u);
    std::set<EntityMark> found;
    Json report = scanData({"testdata/runtime", "testdata/demo/logs"});
    for (const Json& finding : report["findings"]) {
        found.insert({finding["file"], finding["line"], finding["properties"]["entity"]});
    }
    for (const EntityMark& mark : expected) {
        EXPECT_TRUE(found.contains(mark)) << "not found: " << describe(mark);
    }
    for (const EntityMark& mark : found) {
        EXPECT_TRUE(expected.contains(mark)) << "not annotated: " << describe(mark);
    }
}

TEST(ScanData, ReportsNeverHoldTheValues) {
    TempDir temp;
    std::string sarif = temp.path() + "/report.sarif";
    CommandResult result = runPrivaudit(
        {"scan-data", "testdata/runtime", "-o", sarif, "--fail-on", "none", "--source-root", "."});
    std::string everything = readFile(sarif) + result.out + result.err;
    for (const char* value :
         {"4526 0181 5908 3012", "4526018159083012", "erika.muster", "DE16711471049746507529",
          "59067217832", "Wint3r-Sun-42", "sk_live_7wjJJibaZUPgHV7iB3m03nbq", "14.02.1987"}) {
        EXPECT_EQ(everything.find(value), std::string::npos) << value;
    }
    EXPECT_NE(everything.find("****3012"), std::string::npos) << "card: last 4";
    EXPECT_NE(everything.find("DE****7529"), std::string::npos) << "IBAN: country and last 4";
    EXPECT_NE(everything.find("e***@example.org"), std::string::npos) << "e-mail: first letter";
}

TEST(ScanData, SarifCarriesEntityScoreAndJsonPointer) {
    TempDir temp;
    std::string sarif = temp.path() + "/report.sarif";
    runPrivaudit({"scan-data", "testdata/runtime/conversation-export.json", "-o", sarif, "--quiet",
                  "--source-root", "."});
    Json log = Json::parse(readFile(sarif));
    const Json& run = log["runs"][0];
    EXPECT_EQ(run["automationDetails"]["id"].get<std::string>().rfind("privaudit/scan-data", 0), 0u)
        << run["automationDetails"];
    bool sawPointer = false;
    for (const Json& result : run["results"]) {
        EXPECT_EQ(result["ruleId"], "runtime/pii-in-artifact");
        EXPECT_TRUE(result["properties"]["entity"].is_string());
        double score = result["properties"]["score"];
        EXPECT_GE(score, 0.5);
        EXPECT_LE(score, 1.0);
        const Json& location = result["locations"][0];
        if (location["logicalLocations"][0]["fullyQualifiedName"] == "/customer/email") {
            sawPointer = true;
            EXPECT_EQ(result["properties"]["entity"], "EMAIL_ADDRESS");
            EXPECT_EQ(location["physicalLocation"]["region"]["startLine"], 6);
            EXPECT_EQ(location["physicalLocation"]["region"]["startColumn"], 15);
        }
    }
    EXPECT_TRUE(sawPointer);
    if (fs::exists(PRIVAUDIT_SHARED_DIR "/tools/validate-sarif")) {
        std::string command =
            PRIVAUDIT_SHARED_DIR "/tools/validate-sarif --strict '" + sarif + "' > /dev/null 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << "validate-sarif --strict " << sarif;
    }
}

TEST(ScanData, CsvColumnIsTheLogicalLocation) {
    Json report = scanData({"testdata/runtime/crm-export.csv"});
    std::set<std::string> columns;
    for (const Json& finding : report["findings"]) {
        columns.insert(finding["logicalLocation"].get<std::string>());
    }
    EXPECT_EQ(columns,
              (std::set<std::string>{"email", "telefon", "iban", "geburtsdatum", "notiz"}));
}

// Line, column and logical location of every finding (none left unlisted) in a file of `content`.
std::set<std::tuple<int, int, std::string>> foundInFile(const std::string& name,
                                                        const std::string& content) {
    TempDir temp;
    Json report = scanData({temp.write(name, content)}, {"--max-findings-per-file", "0"});
    std::set<std::tuple<int, int, std::string>> found;
    for (const Json& finding : report["findings"]) {
        found.insert({finding["line"].get<int>(), finding["column"].get<int>(),
                      finding["logicalLocation"].get<std::string>()});
    }
    return found;
}

// An export of many batches of records (the token filter runs over a batch's fields at once):
// each planted value (in most rows, so also in the last of each batch) is found in its row and
// column, also after quoted fields that span lines.
TEST(ScanData, CsvExportOfManyBatchesFindsEachValueInItsRowAndColumn) {
    std::string csv = "ticket;created;email;note\n";
    std::set<std::tuple<int, int, std::string>> planted; // line, column, logical location
    int line = 2;
    for (int row = 0; row < 20000; ++row, ++line) {
        std::string ticket = "T-" + std::to_string(100000 + row) + ";2026-11-03 09:14:02;";
        std::string email = row % 5 != 3 ? "kunde" + std::to_string(row) + "@example.org" : "";
        if (!email.empty()) {
            planted.insert({line, static_cast<int>(ticket.size()) + 1, "email"});
        }
        std::string note = "\"Rückfrage zu Bestellung " + std::to_string(400000000 + row);
        if (row % 1500 == 7) {
            note += "\nzweite Zeile";
            ++line;
        }
        if (row % 1013 == 0) {
            // Columns are 1-based bytes of the physical line the card is on.
            const std::string before = ticket + email + ";" + note + ", Karte ";
            const size_t lineStart =
                before.rfind('\n') == std::string::npos ? 0 : before.rfind('\n') + 1;
            planted.insert({line, static_cast<int>(before.size() - lineStart) + 1, "note"});
            note += ", Karte 4111 1111 1111 1111";
        }
        csv += ticket + email + ";" + note + "\"\n";
    }
    EXPECT_EQ(foundInFile("tickets.csv", csv), planted);
    EXPECT_GT(csv.size(), 4u << 18);
}

// A conversation export as one JSON document, with escapes (so its syntax cannot be blanked and
// the token filter runs over all its scalars at once): each planted value is found at its line,
// column and JSON pointer, in values and in a key that is an e-mail address.
TEST(ScanData, JsonDocumentWithEscapesFindsEachValueAtItsPointer) {
    std::string json;
    int line = 0; // of the line addLine adds
    auto addLine = [&](const std::string& text) {
        json += text + "\n";
        ++line;
    };
    std::set<std::tuple<int, int, std::string>> planted; // line, column, JSON pointer
    auto plant = [&](const std::string& before, const std::string& pointer) {
        planted.insert({line + 1, static_cast<int>(before.size()) + 1, pointer});
    };
    addLine("{");
    addLine("  \"conversations\": [");
    for (int i = 0; i < 3000; ++i) {
        const std::string index = std::to_string(i);
        const std::string pointer = "/conversations/" + index;
        addLine("    {");
        addLine("      \"id\": \"c-" + index + "\",");
        std::string text = "      \"text\": \"Bestellung " + index + "\\n\\u00fcber \\\"Paket\\\"";
        if (i % 3 == 0) {
            text += ", Mail an ";
            plant(text, pointer + "/text");
            text += "kunde" + index + "@example.org";
        }
        addLine(text + "\",");
        std::string card = "      \"card\": \"";
        if (i % 7 == 0) {
            plant(card, pointer + "/card");
            card += "4111 1111 1111 1111";
        }
        addLine(card + "\",");
        std::string contacts = "      \"contacts\": {\"";
        if (i % 11 == 0) {
            // A map keyed by e-mail address: the key is the value, its pointer masked.
            plant(contacts, pointer + "/contacts/m***@example.com");
            contacts += "max" + index + "@example.com";
        } else {
            contacts += "primary";
        }
        addLine(contacts + "\": 1}");
        addLine(i + 1 < 3000 ? "    }," : "    }");
    }
    addLine("  ]");
    addLine("}");
    EXPECT_EQ(foundInFile("export.json", json), planted);
}

TEST(ScanData, EntitiesAndMinScoreSelectWhatIsReported) {
    Json cards = scanData({"testdata/runtime"}, {"--entities", "CREDIT_CARD,IBAN_CODE"});
    ASSERT_FALSE(cards["findings"].empty());
    for (const Json& finding : cards["findings"]) {
        std::string entity = finding["properties"]["entity"];
        EXPECT_TRUE(entity == "CREDIT_CARD" || entity == "IBAN_CODE") << entity;
    }
    Json all = scanData({"testdata/runtime"});
    Json sure = scanData({"testdata/runtime"}, {"--min-score", "0.9"});
    EXPECT_LT(sure["findings"].size(), all["findings"].size());
    for (const Json& finding : sure["findings"]) {
        EXPECT_GE(finding["properties"]["score"].get<double>(), 0.9);
    }
    // BIC is off by default; naming it turns it on.
    TempDir temp;
    temp.write("swift.txt", "Bitte an BIC COBADEFFXXX überweisen.\n");
    EXPECT_TRUE(scanData({temp.path()})["findings"].empty());
    EXPECT_EQ(scanData({temp.path()}, {"--entities", "SWIFT_CODE"})["findings"].size(), 1u);
}

TEST(ScanData, ExitCodes) {
    TempDir temp;
    temp.write("clean.log", "2026-11-03T09:14:02Z INFO all quiet, order 30514567823\n");
    temp.write("leak.log", "customer email max.beispiel@example.com\n");
    EXPECT_EQ(runPrivaudit({"scan-data", temp.path() + "/clean.log"}).exitCode, 0);
    EXPECT_EQ(runPrivaudit({"scan-data", temp.path() + "/leak.log"}).exitCode, 1);
    EXPECT_EQ(runPrivaudit({"scan-data", temp.path() + "/leak.log", "--fail-on", "none"}).exitCode,
              0);
    CommandResult unknown = runPrivaudit({"scan-data", temp.path(), "--entities", "SHOE_SIZE"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("unknown entity 'SHOE_SIZE'"), std::string::npos) << unknown.err;
    EXPECT_EQ(runPrivaudit({"scan-data", temp.path(), "--min-score", "2"}).exitCode, 2);
    CommandResult badJobs = runPrivaudit({"scan-data", temp.path(), "--jobs", "5x"});
    EXPECT_EQ(badJobs.exitCode, 2);
    EXPECT_NE(badJobs.err.find("--jobs must be a positive number, not '5x'"), std::string::npos)
        << badJobs.err;
    EXPECT_EQ(runPrivaudit({"scan-data", temp.path() + "/missing.log"}).exitCode, 2);
}

// JUnit marks as failures what --fail-on fails the run for, as `scan` does.
TEST(ScanData, JunitFailuresFollowFailOn) {
    TempDir temp;
    temp.write("leak.log", "customer email max.beispiel@example.com\n");
    const std::string junit = temp.path() + "/report.xml";
    ASSERT_EQ(
        runPrivaudit({"scan-data", temp.path() + "/leak.log", "-o", junit, "--quiet"}).exitCode, 1);
    EXPECT_NE(readFile(junit).find("<failure type=\"error\""), std::string::npos);
    ASSERT_EQ(runPrivaudit({"scan-data", temp.path() + "/leak.log", "-o", junit, "--quiet",
                            "--fail-on", "none"})
                  .exitCode,
              0);
    const std::string xml = readFile(junit);
    EXPECT_EQ(xml.find("<failure"), std::string::npos) << xml;
    EXPECT_NE(xml.find("below --fail-on"), std::string::npos) << xml;
}

TEST(ScanData, TextOutputSummarizesPerFileAndEntity) {
    CommandResult result = runPrivaudit(
        {"scan-data", "testdata/demo/logs", "--fail-on", "none", "--source-root", "."});
    EXPECT_NE(result.out.find("summary by file (2 of 4 file(s) with findings):\n"
                              "  testdata/demo/logs/support-backend.log: 3 (CREDIT_CARD 1, "
                              "EMAIL_ADDRESS 1, IP_ADDRESS 1)\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("summary by entity:\n  CREDIT_CARD: 2 in 2 file(s)\n"),
              std::string::npos)
        << result.out;
}

TEST(ScanData, JobsDoNotChangeTheReport) {
    Json one = scanData({"testdata/runtime"}, {"--jobs", "1"});
    Json two = scanData({"testdata/runtime"}, {"--jobs", "3"});
    EXPECT_EQ(one["findings"], two["findings"]);
}

std::string gzipped(const std::string& text) {
    uLongf size = compressBound(text.size()) + 32;
    std::string out(size, '\0');
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

// Binary files, NUL bytes, invalid UTF-8, a line of several megabytes, truncated gzip and
// JSON that does not parse: one line each, the rest of the scan goes on, no crash.
TEST(ScanData, BadInputIsReportedAndTheScanGoesOn) {
    TempDir temp;
    std::string binary(4096, '\0');
    for (size_t i = 0; i < binary.size(); i += 7) {
        binary[i] = static_cast<char>(i * 31);
    }
    temp.write("core.dump", binary + "max.beispiel@example.com");
    temp.write("nul.log", std::string("NUL\0here, mail max.beispiel@example.com\n", 41));
    temp.write("latin1.log", "Stra\xdf"
                             "e, E-Mail max.beispiel@example.com \xff\xfe\n");
    std::string longLine(5 << 20, 'a');
    for (size_t i = 1000; i < longLine.size(); i += 1000) {
        longLine[i] = ' ';
    }
    temp.write("long.log", longLine + " card 4526 0181 5908 3012\nnext line +49 151 23456789\n");
    std::string gz =
        gzipped("first erika.muster@example.org\nsecond line\n" + std::string(200000, 'x') + "\n");
    temp.write("cut.log.gz", gz.substr(0, gz.size() / 2));
    temp.write("broken.json", "{\n  \"email\": \"erika.muster@example.org\",\n  \"a\": [1, 2\n");
    temp.write("bom.jsonl", "\xef\xbb\xbf{\"email\": \"erika.muster@example.org\"}\n");
    temp.write("utf16.log", std::string("\xff\xfem\0a\0x\0@\0", 10));

    std::string report = temp.path() + "/report.json";
    CommandResult result =
        runPrivaudit({"scan-data", temp.path(), "-o", report, "--quiet", "--fail-on", "none"});
    EXPECT_EQ(result.exitCode, 3) << "the truncated gzip could not be read completely\n"
                                  << result.err;
    EXPECT_NE(result.err.find("core.dump: warning: binary file, not scanned"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("cut.log.gz:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("gzip data is"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("broken.json:3:13: warning: invalid JSON"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("utf16.log: warning: UTF-16 text is not supported"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("terminate called"), std::string::npos);

    std::set<std::string> found;
    Json parsed = Json::parse(readFile(report));
    for (const Json& finding : parsed["findings"]) {
        found.insert(fs::path(finding["file"].get<std::string>()).filename().string() + ":" +
                     std::to_string(finding["line"].get<int>()) + " " +
                     finding["properties"]["entity"].get<std::string>());
    }
    EXPECT_EQ(found, (std::set<std::string>{
                         "nul.log:1 EMAIL_ADDRESS",
                         "latin1.log:1 EMAIL_ADDRESS",
                         "long.log:1 CREDIT_CARD",
                         "long.log:2 PHONE_NUMBER",
                         "cut.log.gz:1 EMAIL_ADDRESS",
                         "broken.json:2 EMAIL_ADDRESS",
                         "bom.jsonl:1 EMAIL_ADDRESS",
                     }));
    for (const Json& finding : parsed["findings"]) {
        if (finding["file"].get<std::string>().ends_with("bom.jsonl")) {
            EXPECT_EQ(finding["logicalLocation"], "/email") << "parsed as JSON despite the BOM";
        }
    }
}

} // namespace

} // namespace privaudit::testing

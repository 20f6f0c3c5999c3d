// The HTML audit report of the demo scan, rendered in headless Chromium: the DOM after the
// page's script ran must show the counts, the scorecard and a code flow, and filter in place.
#include "tests/demo_scan.h"
#include "tests/run_privaudit.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <regex>

namespace privaudit::testing {

namespace {

namespace fs = std::filesystem;

std::string chromium() {
    for (const char* name : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
        if (fs::exists(name)) {
            return name;
        }
    }
    return {};
}

// Runs headless Chromium on `url` with `flags`; its stdout.
std::string runChromium(const std::string& url, const std::string& flags) {
    TempDir profile;
    std::string out = profile.path() + "/out";
    std::string command = chromium() + " --headless --no-sandbox --disable-gpu --no-first-run " +
                          "--user-data-dir=" + profile.path() + "/profile " + flags + " '" + url +
                          "' >" + out + " 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return readFile(out);
}

std::string domAfterScript(const std::string& url) {
    return runChromium(url, "--virtual-time-budget=5000 --dump-dom");
}

int countOf(const std::string& text, const std::regex& pattern) {
    return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern),
                                          std::sregex_iterator()));
}

class HtmlReport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        folder_ = new TempDir;
        report_ = folder_->path() + "/report.html";
        CommandResult result = runPrivaudit({"report", demoSarifPath(), "-o", report_});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }
    static void TearDownTestSuite() { delete folder_; }
    void SetUp() override { ASSERT_FALSE(chromium().empty()) << "install Debian's chromium"; }

    static TempDir* folder_;
    static std::string report_;
};

TempDir* HtmlReport::folder_ = nullptr;
std::string HtmlReport::report_;

TEST_F(HtmlReport, IsSelfContained) {
    std::string html = readFile(report_);
    EXPECT_EQ(html.find(" src="), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("url("), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_NE(html.find("<script>"), std::string::npos);
}

TEST_F(HtmlReport, ShowsCountsScorecardInventoryAndFlowsAfterTheScriptRan) {
    std::string dom = domAfterScript("file://" + report_);
    ASSERT_NE(dom.find("data-ready=\"true\""), std::string::npos) << "the page script did not run";
    int errors = demoResultsAtLevel("error");
    int warnings = demoResultsAtLevel("warning");
    ASSERT_GT(errors, 0);
    ASSERT_GT(warnings, 0);
    EXPECT_NE(dom.find("data-count=\"error\"><span class=\"n\">" + std::to_string(errors) + "<"),
              std::string::npos);
    EXPECT_NE(
        dom.find("data-count=\"warning\"><span class=\"n\">" + std::to_string(warnings) + "<"),
        std::string::npos);
    int total = static_cast<int>(demoSarif()["runs"][0]["results"].size());
    EXPECT_NE(dom.find(std::to_string(total) + " of " + std::to_string(total) + " shown"),
              std::string::npos);

    // The demo hard-codes credentials and stores personal data unencrypted.
    // RE2, not std::regex: libstdc++'s regex recurses once per character of a long match.
    EXPECT_TRUE(
        RE2::PartialMatch(dom, R"(data-practice="Secrets" data-status="fail"(?s:.)*?#f-\d+)"));
    EXPECT_NE(dom.find("data-practice=\"Encryption\" data-status=\"fail\""), std::string::npos);
    EXPECT_EQ(countOf(dom, std::regex("<tr class=\"practice\"")), 8);

    EXPECT_NE(dom.find("<tr class=\"data-kind\" data-kind=\"e-mail address\">"), std::string::npos);
    // A cross-file flow step by step: from where the name is read to the HTTP request body.
    EXPECT_TRUE(RE2::PartialMatch(dom, R"(<ol class="flow-steps">\s*<li><span class="loc">)"
                                       R"(testdata/demo/src/llm_gateway.cpp:16[^<]*</span> read )"
                                       R"(from (?s:.)*?json.cpp:\d+(?s:.)*?reaches an HTTP )"
                                       R"(request body)"));
    EXPECT_NE(dom.find("CWE-532"), std::string::npos);
    EXPECT_NE(dom.find("GDPR Art. 32"), std::string::npos);
    EXPECT_NE(dom.find("<details class=\"remediation\">"), std::string::npos);
    // Snippets are masked: the demo's hard-coded CRM key begins "crm-".
    EXPECT_NE(dom.find("class=\"snippet\""), std::string::npos);
    EXPECT_TRUE(std::regex_search(dom, std::regex("kCrmApiKey[^<]*\"crm-\\*\\*\\*\\*\"")))
        << "the CRM key's snippet is not masked as expected";
}

TEST_F(HtmlReport, FiltersInThePage) {
    std::string dom = domAfterScript("file://" + report_ + "#level=error&sort=severity");
    int errors = demoResultsAtLevel("error");
    int total = static_cast<int>(demoSarif()["runs"][0]["results"].size());
    EXPECT_NE(dom.find(std::to_string(errors) + " of " + std::to_string(total) + " shown"),
              std::string::npos);
    EXPECT_EQ(countOf(dom, std::regex("<article class=\"finding\" [^>]*data-level=\"warning\"")), 0)
        << "warnings must be hidden when filtering for errors";
    EXPECT_EQ(countOf(dom, std::regex("<article class=\"finding hidden\" [^>]*data-level="
                                      "\"warning\"")),
              demoResultsAtLevel("warning"));
}

TEST_F(HtmlReport, RendersAScreenshotAndAPdf) {
    fs::path artifacts = fs::path(PRIVAUDIT_BINARY).parent_path() / "report-artifacts";
    fs::create_directories(artifacts);
    fs::path screenshot = artifacts / "demo-report.png";
    fs::path pdf = artifacts / "demo-report.pdf";
    fs::remove(screenshot);
    fs::remove(pdf);
    runChromium("file://" + report_,
                "--window-size=1280,2400 --hide-scrollbars --screenshot=" + screenshot.string());
    runChromium("file://" + report_, "--no-pdf-header-footer --print-to-pdf=" + pdf.string());
    ASSERT_TRUE(fs::exists(screenshot));
    EXPECT_GT(fs::file_size(screenshot), 20000u);
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_GT(fs::file_size(pdf), 10000u);
}

} // namespace

} // namespace privaudit::testing

#include "tests/annotations.h"

#include "tests/run_privaudit.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace privaudit::testing {

namespace fs = std::filesystem;

namespace {

void addRules(std::set<Mark>& marks, const std::string& file, int line, const std::string& list) {
    std::stringstream rules(list);
    std::string rule;
    while (std::getline(rules, rule, ',')) {
        rule.erase(0, rule.find_first_not_of(" \t"));
        rule.erase(rule.find_last_not_of(" \t\r") + 1);
        if (!rule.empty()) {
            marks.insert({file, line, rule});
        }
    }
}

// `// expect: a/b, c/d` at the end of a line; a line flagged by one rule and documented as
// clean for another carries both: `// expect: cpp/cleartext-storage ok: cpp/no-retention-limit`.
void readInlineAnnotations(const std::string& text, const std::string& file, Annotations& out) {
    static const std::string rules = R"([a-z]+/[a-z0-9-]+(?:\s*,\s*[a-z]+/[a-z0-9-]+)*)";
    static const std::regex comment(R"((?://|#)\s*((?:(?:expect|ok):\s*)" + rules +
                                    R"(\s*)+)(?:\*/)?\s*$)");
    static const std::regex mark("(expect|ok):\\s*(" + rules + ")");
    std::stringstream lines(text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        std::smatch match;
        if (!std::regex_search(line, match, comment)) {
            continue;
        }
        std::string marks = match[1];
        for (auto it = std::sregex_iterator(marks.begin(), marks.end(), mark);
             it != std::sregex_iterator(); ++it) {
            addRules((*it)[1] == "expect" ? out.expected : out.ok, file, number, (*it)[2]);
        }
    }
}

// "LINE RULE-ID", optionally followed by more (scan-data testdata names the entity); '#'
// starts a comment line.
void readExpectFile(const std::string& text, const std::string& file, Annotations& out) {
    std::stringstream lines(text);
    std::string entry;
    while (std::getline(lines, entry)) {
        std::istringstream fields(entry);
        int line = 0;
        std::string rule;
        if (entry.starts_with("#") || !(fields >> line >> rule)) {
            continue;
        }
        out.expected.insert({file, line, rule});
    }
}

} // namespace

Annotations readAnnotations(const std::string& root, const std::vector<std::string>& folders) {
    Annotations annotations;
    for (const std::string& folder : folders) {
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / folder)) {
            if (!entry.is_regular_file() || entry.path().extension() == ".expect") {
                continue;
            }
            std::string file = fs::relative(entry.path(), root).generic_string();
            fs::path sibling = entry.path().string() + ".expect";
            if (fs::exists(sibling)) {
                readExpectFile(readFile(sibling.string()), file, annotations);
            } else {
                readInlineAnnotations(readFile(entry.path().string()), file, annotations);
            }
        }
    }
    return annotations;
}

std::set<Mark> findingsOfJsonReport(const std::string& json) {
    std::set<Mark> marks;
    nlohmann::json report = nlohmann::json::parse(json);
    for (const auto& finding : report.at("findings")) {
        if (!finding.at("suppressed").get<bool>()) {
            marks.insert({finding.at("file").get<std::string>(), finding.at("line").get<int>(),
                          finding.at("ruleId").get<std::string>()});
        }
    }
    return marks;
}

std::vector<std::string> compareAnnotations(const Annotations& annotations,
                                            const std::set<Mark>& findings) {
    auto describe = [](const Mark& mark) {
        return mark.file + ":" + std::to_string(mark.line) + ": " + mark.rule;
    };
    std::vector<std::string> problems;
    for (const Mark& mark : annotations.expected) {
        if (!findings.contains(mark)) {
            problems.push_back("expected but not reported: " + describe(mark));
        }
    }
    for (const Mark& mark : findings) {
        if (annotations.ok.contains(mark)) {
            problems.push_back("reported on a line marked ok: " + describe(mark));
        } else if (!annotations.expected.contains(mark)) {
            problems.push_back("reported but not annotated: " + describe(mark));
        }
    }
    return problems;
}

} // namespace privaudit::testing

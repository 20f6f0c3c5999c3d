#include "reporters/markdown_reporter.h"

#include "reporters/position.h"

namespace privaudit::reporters {

namespace {

// GitHub and GitLab cut long comments; the full list is in the SARIF or HTML report.
constexpr int listedLimit = 100;

std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else if (c == '<') {
            out += "&lt;";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

void writeMarkdown(const core::ScanResult& scan, const ReportContext& context, std::ostream& out) {
    ReportModel model = buildReportModel(scan, context);
    std::vector<const core::Finding*> listed;
    for (const core::Finding& finding : scan.findings) {
        bool shown = !finding.suppression &&
                     (!model.hasBaseline || finding.baselineState == core::BaselineState::New);
        if (shown) {
            listed.push_back(&finding);
        }
    }
    out << "## privaudit: " << listed.size()
        << (model.hasBaseline ? " new privacy finding(s)" : " privacy finding(s)") << "\n\n"
        << "| errors | warnings | notes | suppressed |";
    if (model.hasBaseline) {
        out << " new | unchanged | fixed |";
    }
    out << "\n|---:|---:|---:|---:|" << (model.hasBaseline ? "---:|---:|---:|" : "") << "\n| "
        << model.errors << " | " << model.warnings << " | " << model.notes << " | "
        << model.suppressed << " |";
    if (model.hasBaseline) {
        out << " " << model.newFindings << " | " << model.unchanged << " | "
            << scan.absentFindings.size() << " |";
    }
    out << "\n\n**Scorecard:** ";
    bool first = true;
    for (const Practice& practice : model.scorecard) {
        out << (first ? "" : " · ") << practice.name << " " << statusName(practice.status);
        if (!practice.findings.empty()) {
            out << " (" << practice.findings.size() << ")";
        }
        first = false;
    }
    out << "\n\n";
    if (listed.empty()) {
        out << (model.hasBaseline ? "No new findings.\n" : "No findings.\n");
        return;
    }
    out << "| level | rule | location | finding |\n|---|---|---|---|\n";
    int count = 0;
    for (const core::Finding* finding : listed) {
        if (++count > listedLimit) {
            out << "\n… and " << listed.size() - listedLimit
                << " more; see the SARIF or HTML report.\n";
            break;
        }
        out << "| " << core::levelName(finding->level) << " | `" << finding->ruleId << "` | `"
            << cell(positionText(finding->location, scan.sourceRoot)) << "` | "
            << cell(finding->message) << " |\n";
    }
}

} // namespace privaudit::reporters

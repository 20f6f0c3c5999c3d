#include "cli/report_command.h"

#include "cli/option_parser.h"
#include "cli/report_render.h"
#include "cli/sarif_inputs.h"
#include "core/atomic_file.h"
#include "core/baseline.h"

#include <filesystem>
#include <iostream>

namespace privaudit::cli {

namespace {

const char* const reportUsage =
    R"(usage: privaudit report FILE.sarif... [options]

Renders SARIF reports of earlier scans (several, e.g. of shards, are joined into one) as an
audit report. Paths in the reports are taken relative to the current folder.

options:
  --format FORMAT        html (self-contained audit report), markdown (pull-request comment),
                         junit (JUnit XML), json, sarif or text; default: from -o's
                         extension (.html, .md, .xml, .json, .sarif), else text
  -o, --output FILE      write the report to FILE (atomically) instead of stdout
  --baseline FILE        a previous SARIF report: mark findings new/unchanged/absent
                         (Markdown then lists only new findings)
  --fail-on LEVEL        for junit: findings at or above LEVEL are failures: error (default),
                         warning, note or none
  --title TEXT           the HTML report's title (default: Privacy audit report)
  -h, --help             show this help

exit codes: 0 report written; 2 usage error or unreadable report
)";

struct ReportOptions {
    std::vector<std::string> inputs;
    std::optional<ReportFormat> format;
    std::optional<std::string> output;
    std::optional<std::string> baseline;
    RenderOptions render;
};

std::string parse(const std::vector<std::string>& args, ReportOptions& options, bool& help) {
    OptionParser parser("report");
    addReportOptions(parser, help, options.format, options.output, options.render.failOn);
    parser.text({"--baseline"}, options.baseline);
    parser.text({"--title"}, options.render.title);
    std::string error = parser.parse(args, options.inputs);
    if (error.empty() && options.inputs.empty() && !help) {
        return "name at least one SARIF report (see: privaudit report --help)";
    }
    return error;
}

} // namespace

int runReport(const std::vector<std::string>& args) {
    ReportOptions options;
    bool help = false;
    if (std::string error = parse(args, options, help); !error.empty()) {
        std::cerr << "privaudit report: " << error << "\n";
        return 2;
    }
    if (help) {
        std::cout << reportUsage;
        return 0;
    }
    std::string root = std::filesystem::current_path().string();
    core::ScanResult result;
    if (std::string error = readSarifReports(options.inputs, root, result); !error.empty()) {
        std::cerr << "privaudit report: " << error << "\n";
        return 2;
    }
    if (options.baseline) {
        core::ScanResult baseline;
        if (std::string error = readSarifReports({*options.baseline}, root, baseline);
            !error.empty()) {
            std::cerr << "privaudit report: --baseline " << error << "\n";
            return 2;
        }
        core::applyBaseline(result, baseline.findings);
        result.snippets.merge(baseline.snippets);
    }
    ReportFormat format = options.format.value_or(
        options.output ? formatOfFileName(*options.output).value_or(ReportFormat::Text)
                       : ReportFormat::Text);
    if (!options.output) {
        writeReport(result, format, options.render, std::cout);
        return 0;
    }
    if (std::string error = core::writeFileAtomically(
            *options.output,
            [&](std::ostream& out) { writeReport(result, format, options.render, out); });
        !error.empty()) {
        std::cerr << "privaudit report: " << error << "\n";
        return 2;
    }
    return 0;
}

} // namespace privaudit::cli

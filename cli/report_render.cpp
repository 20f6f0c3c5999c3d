#include "cli/report_render.h"

#include "checks/catalogue.h"
#include "checks/common/taint_knowledge.h"
#include "cli/option_parser.h"
#include "reporters/html_reporter.h"
#include "reporters/json_reporter.h"
#include "reporters/junit_reporter.h"
#include "reporters/markdown_reporter.h"
#include "reporters/sarif_reporter.h"
#include "reporters/text_reporter.h"

#include <utility>
#include <vector>

namespace privaudit::cli {

namespace {

const std::vector<std::pair<std::string, ReportFormat>>& formatNames() {
    static const std::vector<std::pair<std::string, ReportFormat>> names = {
        {"text", ReportFormat::Text},         {"sarif", ReportFormat::Sarif},
        {"json", ReportFormat::Json},         {"html", ReportFormat::Html},
        {"markdown", ReportFormat::Markdown}, {"junit", ReportFormat::Junit},
    };
    return names;
}

} // namespace

std::string parseFormatOption(const std::string& value, std::optional<ReportFormat>& format) {
    format = parseReportFormat(value);
    return format
               ? std::string()
               : "--format must be text, sarif, json, html, markdown or junit, not '" + value + "'";
}

std::string parseFailOnOption(const std::string& value, core::Level& failOn) {
    std::optional<core::Level> level = core::parseLevel(value);
    if (!level) {
        return "--fail-on must be error, warning, note or none, not '" + value + "'";
    }
    failOn = *level;
    return {};
}

std::optional<ReportFormat> parseReportFormat(const std::string& name) {
    for (const auto& [known, format] : formatNames()) {
        if (known == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::optional<ReportFormat> formatOfFileName(const std::string& path) {
    static const std::vector<std::pair<std::string, ReportFormat>> extensions = {
        {".sarif", ReportFormat::Sarif}, {".json", ReportFormat::Json},
        {".html", ReportFormat::Html},   {".htm", ReportFormat::Html},
        {".md", ReportFormat::Markdown}, {".xml", ReportFormat::Junit},
    };
    for (const auto& [extension, format] : extensions) {
        if (path.ends_with(extension)) {
            return format;
        }
    }
    return std::nullopt;
}

void addReportOptions(OptionParser& parser, bool& help, std::optional<ReportFormat>& format,
                      std::optional<std::string>& output, core::Level& failOn) {
    parser.flag({"-h", "--help"}, [&help] { help = true; });
    parser.option({"--format"},
                  [&format](const std::string& value) { return parseFormatOption(value, format); });
    parser.option({"--fail-on"},
                  [&failOn](const std::string& value) { return parseFailOnOption(value, failOn); });
    parser.text({"-o", "--output"}, output);
}

void writeReport(const core::ScanResult& result, ReportFormat format, const RenderOptions& options,
                 std::ostream& out) {
    const core::RuleCatalogue& catalogue =
        options.catalogue ? *options.catalogue : checks::builtinCatalogue();
    reporters::ReportContext context{
        catalogue, [](std::string_view kind) { return checks::categoryDisplayName(kind); },
        options.title};
    switch (format) {
    case ReportFormat::Sarif:
        reporters::writeSarif(result, catalogue, out,
                              {.includeSuppressed = !options.omitSuppressed});
        break;
    case ReportFormat::Json:
        reporters::writeJson(result, out);
        break;
    case ReportFormat::Text:
        reporters::writeText(result, out);
        break;
    case ReportFormat::Html:
        reporters::writeHtml(result, context, out);
        break;
    case ReportFormat::Markdown:
        reporters::writeMarkdown(result, context, out);
        break;
    case ReportFormat::Junit:
        reporters::writeJunit(result, catalogue, options.failOn, out);
        break;
    }
}

} // namespace privaudit::cli

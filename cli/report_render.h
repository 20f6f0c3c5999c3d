#pragma once

#include "core/rule_catalogue.h"
#include "core/scan_result.h"

#include <optional>
#include <ostream>
#include <string>

namespace privaudit::cli {

enum class ReportFormat { Text, Sarif, Json, Html, Markdown, Junit };

std::optional<ReportFormat> parseReportFormat(const std::string& name);

// The format a report file's name implies (.sarif, .json, .html, .md, .xml), if any.
std::optional<ReportFormat> formatOfFileName(const std::string& path);

// The values of --format and --fail-on: an error message naming the option, empty on success.
std::string parseFormatOption(const std::string& value, std::optional<ReportFormat>& format);
std::string parseFailOnOption(const std::string& value, core::Level& failOn);

struct RenderOptions {
    bool omitSuppressed = false; // SARIF only
    core::Level failOn = core::Level::Error;
    // The rules reports describe; nullptr for the built-in catalogue (scan adds the policy's
    // own config rules).
    const core::RuleCatalogue* catalogue = nullptr;
    std::string title = "Privacy audit report";
};

class OptionParser;

// -h/--help, --format, --fail-on and -o/--output, as every command that writes a report takes
// them.
void addReportOptions(OptionParser& parser, bool& help, std::optional<ReportFormat>& format,
                      std::optional<std::string>& output, core::Level& failOn);

// Writes `result` in `format` to `out`.
void writeReport(const core::ScanResult& result, ReportFormat format, const RenderOptions& options,
                 std::ostream& out);

} // namespace privaudit::cli

#include "reporters/sarif_reporter.h"

#include "core/paths.h"
#include "core/shell_quote.h"
#include "reporters/pretty_json_writer.h"
#include "reporters/sarif_location.h"
#include "reporters/sarif_result.h"
#include "reporters/sarif_taxonomy.h"
#include "reporters/sarif_tool.h"

#include <filesystem>
#include <string>
#include <vector>

namespace privaudit::reporters {

namespace {

// The command line without the scanning machine's directory layout: the program by its file
// name, absolute paths inside the source root relative to it.
std::vector<std::string> reportedArguments(const core::ScanResult& scan) {
    std::vector<std::string> arguments;
    for (const std::string& argument : scan.arguments) {
        if (arguments.empty()) {
            arguments.push_back(std::filesystem::path(argument).filename().string());
        } else if (argument.starts_with('/')) {
            arguments.push_back(core::relativePath(argument, scan.sourceRoot));
        } else {
            arguments.push_back(argument);
        }
    }
    return arguments;
}

std::string commandLine(const std::vector<std::string>& arguments) {
    std::string line;
    for (const std::string& argument : arguments) {
        line += (line.empty() ? "" : " ") + core::shellQuoted(argument);
    }
    return line;
}

// The descriptor's position in driver.notifications, which lists notificationDescriptors().
int descriptorIndex(core::Notification::Kind kind) {
    return static_cast<int>(&core::describe(kind) - core::notificationDescriptors().data());
}

SarifJson toolExecutionNotification(const core::Notification& notification,
                                    std::string_view sourceRoot) {
    SarifJson entry = {
        {"level", core::levelName(notification.level)},
        {"message", sarifMessage(limitText(notification.message))},
        {"descriptor",
         {{"id", core::describe(notification.kind).id},
          {"index", descriptorIndex(notification.kind)}}},
    };
    if (!notification.location.file.empty()) {
        SarifJson location = {
            {"physicalLocation", sarifPhysicalLocation(notification.location, sourceRoot)}};
        entry["locations"] = SarifJson::array({location});
    }
    return entry;
}

SarifJson invocation(const core::ScanResult& scan) {
    SarifJson invocation = {
        {"executionSuccessful", scan.executionSuccessful()},
        {"exitCode", scan.exitCode},
    };
    std::vector<std::string> arguments = reportedArguments(scan);
    if (!arguments.empty()) {
        invocation["commandLine"] = commandLine(arguments);
        invocation["arguments"] = arguments;
    }
    if (!scan.startTimeUtc.empty()) {
        invocation["startTimeUtc"] = scan.startTimeUtc;
    }
    if (!scan.endTimeUtc.empty()) {
        invocation["endTimeUtc"] = scan.endTimeUtc;
    }
    SarifJson notifications = SarifJson::array();
    for (const core::Notification& notification : scan.notifications) {
        notifications.push_back(toolExecutionNotification(notification, scan.sourceRoot));
    }
    invocation["toolExecutionNotifications"] = notifications;
    return invocation;
}

void writeResults(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
                  const SarifOptions& options, PrettyJsonWriter& run) {
    run.key("results");
    run.beginArray();
    for (const core::Finding& finding : scan.findings) {
        int ruleIndex = catalogue.indexOf(finding.ruleId);
        if (ruleIndex < 0 || (finding.suppression && !options.includeSuppressed)) {
            continue;
        }
        run.tree(sarifResult(finding, ruleIndex, scan));
    }
    for (const core::Finding& finding : scan.absentFindings) {
        if (int ruleIndex = catalogue.indexOf(finding.ruleId); ruleIndex >= 0) {
            SarifJson result = sarifResult(finding, ruleIndex, scan);
            result["baselineState"] = "absent";
            run.tree(result);
        }
    }
    run.endArray();
}

void writeArtifacts(const core::ScanResult& scan, PrettyJsonWriter& run) {
    run.key("artifacts");
    run.beginArray();
    for (const std::string& file : scan.analyzedFiles) {
        run.tree({{"location", sarifArtifactLocation(file, scan.sourceRoot)},
                  {"roles", SarifJson::array({"analysisTarget"})}});
    }
    run.endArray();
}

void writeRun(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
              const SarifOptions& options, PrettyJsonWriter& log) {
    std::vector<int> cwes = referencedCwes(catalogue);
    SarifJson sourceRoot = {
        {"description",
         sarifMessage("The root of the scanned source tree. Its absolute path is left out on "
                      "purpose (SARIF 3.14.14).")}};
    log.beginObject();
    log.key("tool");
    log.tree(sarifTool(catalogue, cwes));
    log.key("taxonomies");
    log.tree(cweTaxonomies(cwes));
    log.key("invocations");
    log.tree(SarifJson::array({invocation(scan)}));
    log.key("originalUriBaseIds");
    log.tree({{sourceRootBaseId, sourceRoot}});
    log.key("automationDetails");
    log.tree({{"id", scan.automationCategory + "/" + scan.startTimeUtc}});
    log.field("columnKind", std::string_view("utf16CodeUnits"));
    writeArtifacts(scan, log);
    writeResults(scan, catalogue, options, log);
    if (!scan.taintSummaries.empty()) {
        log.key("properties");
        log.tree({{"privaudit/taintSummaries", scan.taintSummaries}});
    }
    log.endObject();
}

} // namespace

void writeSarif(const core::ScanResult& scan, const core::RuleCatalogue& catalogue,
                std::ostream& out, const SarifOptions& options) {
    PrettyJsonWriter log(out);
    log.beginObject();
    log.field("$schema", std::string_view("https://json.schemastore.org/sarif-2.1.0.json"));
    log.field("version", std::string_view("2.1.0"));
    log.key("runs");
    log.beginArray();
    writeRun(scan, catalogue, options, log);
    log.endArray();
    log.endObject();
    log.newline();
}

} // namespace privaudit::reporters

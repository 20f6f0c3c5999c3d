#include "core/sarif_reader.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace privaudit::core {

namespace {

using nlohmann::json;

std::string percentDecoded(std::string_view uri) {
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(uri[i + 1]) &&
            std::isxdigit(uri[i + 2])) {
            out += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += uri[i];
        }
    }
    return out;
}

std::string text(const json& object, const char* key) {
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

int number(const json& object, const char* key) {
    auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<int>() : 0;
}

std::string messageText(const json& object) {
    auto message = object.find("message");
    return message != object.end() && message->is_object() ? text(*message, "text") : std::string();
}

class RunReader {
public:
    RunReader(const json& run, const std::string& sourceRoot, ScanResult& into)
        : run_(run), sourceRoot_(sourceRoot), into_(into) {}

    void read() {
        readRules();
        for (const json& result : run_.value("results", json::array())) {
            readResult(result);
        }
        for (const json& artifact : run_.value("artifacts", json::array())) {
            if (artifact.contains("location")) {
                into_.analyzedFiles.push_back(file(artifact.at("location")));
            }
        }
        for (const json& invocation : run_.value("invocations", json::array())) {
            readInvocation(invocation);
        }
        json summaries = run_.value("properties", json::object())
                             .value("privaudit/taintSummaries", json::object());
        for (const auto& [unit, unitSummaries] : summaries.items()) {
            into_.taintSummaries[unit] = unitSummaries;
        }
        std::string category = text(run_.value("automationDetails", json::object()), "id");
        if (auto slash = category.rfind('/'); slash != std::string::npos) {
            into_.automationCategory = category.substr(0, slash);
        }
    }

private:
    struct RuleDefaults {
        Level level = Level::Warning;
        double severity = 0.0;
    };

    void readRules() {
        const json& driver = run_.at("tool").at("driver");
        for (const json& rule : driver.value("rules", json::array())) {
            RuleDefaults defaults;
            auto configuration = rule.value("defaultConfiguration", json::object());
            defaults.level = parseLevel(text(configuration, "level")).value_or(Level::Warning);
            std::string severity =
                text(rule.value("properties", json::object()), "security-severity");
            if (!severity.empty()) {
                defaults.severity = std::strtod(severity.c_str(), nullptr);
            }
            rules_[text(rule, "id")] = defaults;
        }
    }

    std::string file(const json& artifactLocation) {
        std::string uri = percentDecoded(text(artifactLocation, "uri"));
        if (uri.starts_with("file://")) {
            return uri.substr(7);
        }
        return sourceRoot_ + "/" + uri;
    }

    SourceLocation location(const json& described) {
        auto physical = described.find("physicalLocation");
        if (physical == described.end()) {
            return {};
        }
        SourceLocation location;
        location.file = file(physical->value("artifactLocation", json::object()));
        json region = physical->value("region", json::object());
        location.line = number(region, "startLine");
        location.column = number(region, "startColumn");
        location.endLine = number(region, "endLine");
        location.endColumn = number(region, "endColumn");
        std::string snippet = text(region.value("snippet", json::object()), "text");
        if (!snippet.empty()) {
            into_.snippets[{location.file, location.line}] = snippet;
        }
        return location;
    }

    void readResult(const json& result) {
        Finding finding;
        finding.ruleId = text(result, "ruleId");
        RuleDefaults defaults = rules_[finding.ruleId];
        finding.level = parseLevel(text(result, "level")).value_or(defaults.level);
        finding.securitySeverity = defaults.severity;
        finding.message = messageText(result);
        json locations = result.value("locations", json::array());
        if (!locations.empty()) {
            finding.location = location(locations.front());
            json logical = locations.front().value("logicalLocations", json::array());
            if (!logical.empty()) {
                finding.logicalLocation = LogicalLocation{
                    text(logical.front(), "fullyQualifiedName"), text(logical.front(), "kind")};
            }
        }
        for (const json& related : result.value("relatedLocations", json::array())) {
            finding.related.push_back({location(related), messageText(related)});
        }
        for (const json& codeFlow : result.value("codeFlows", json::array())) {
            for (const json& threadFlow : codeFlow.value("threadFlows", json::array())) {
                CodeFlow flow;
                for (const json& step : threadFlow.value("locations", json::array())) {
                    json described = step.value("location", json::object());
                    flow.push_back({location(described), messageText(described)});
                }
                finding.flows.push_back(std::move(flow));
            }
        }
        finding.fingerprint =
            text(result.value("partialFingerprints", json::object()), "privauditFinding/v1");
        for (const json& suppression : result.value("suppressions", json::array())) {
            if (text(suppression, "status") != "rejected") {
                Suppression::Kind kind = text(suppression, "kind") == "external"
                                             ? Suppression::Kind::External
                                             : Suppression::Kind::InSource;
                finding.suppression = Suppression{kind, text(suppression, "justification")};
            }
        }
        json properties = result.value("properties", json::object());
        for (const auto& [name, value] : properties.items()) {
            if (name == "dataCategories") {
                for (const json& category : value) {
                    finding.categories.push_back(category.get<std::string>());
                }
            } else if (value.is_string()) {
                finding.properties[name] = value.get<std::string>();
            } else if (value.is_number()) {
                finding.properties[name] = value.get<double>();
            }
        }
        std::string state = text(result, "baselineState");
        if (state == "absent") {
            finding.baselineState = BaselineState::None;
            into_.absentFindings.push_back(std::move(finding));
            return;
        }
        finding.baselineState = state == "unchanged" ? BaselineState::Unchanged
                                : state.empty()      ? BaselineState::None
                                                     : BaselineState::New;
        into_.findings.push_back(std::move(finding));
    }

    void readInvocation(const json& invocation) {
        for (const json& entry : invocation.value("toolExecutionNotifications", json::array())) {
            Notification notification;
            std::string id = text(entry.value("descriptor", json::object()), "id");
            for (const NotificationDescriptor& descriptor : notificationDescriptors()) {
                if (descriptor.id == id) {
                    notification.kind = descriptor.kind;
                }
            }
            notification.level = parseLevel(text(entry, "level")).value_or(Level::Warning);
            notification.message = messageText(entry);
            json locations = entry.value("locations", json::array());
            if (!locations.empty()) {
                notification.location = location(locations.front());
            }
            into_.notifications.push_back(std::move(notification));
        }
        std::string start = text(invocation, "startTimeUtc");
        if (!start.empty() && (into_.startTimeUtc.empty() || start < into_.startTimeUtc)) {
            into_.startTimeUtc = start;
        }
        into_.endTimeUtc = std::max(into_.endTimeUtc, text(invocation, "endTimeUtc"));
        into_.exitCode = std::max(into_.exitCode, number(invocation, "exitCode"));
    }

    const json& run_;
    const std::string& sourceRoot_;
    ScanResult& into_;
    std::map<std::string, RuleDefaults> rules_;
};

} // namespace

std::string readSarif(std::string_view sarif, const std::string& sourceRoot, ScanResult& into) {
    json log = json::parse(sarif, nullptr, false);
    if (log.is_discarded()) {
        return "not valid JSON";
    }
    if (!log.is_object() || text(log, "version") != "2.1.0" || !log.contains("runs") ||
        !log.at("runs").is_array()) {
        return "not a SARIF 2.1.0 log (no version 2.1.0 and runs)";
    }
    ScanResult read = into;
    try {
        for (const json& run : log.at("runs")) {
            RunReader(run, sourceRoot, read).read();
        }
    } catch (const json::exception& error) {
        return std::string("malformed SARIF: ") + error.what();
    }
    into = std::move(read);
    return {};
}

} // namespace privaudit::core

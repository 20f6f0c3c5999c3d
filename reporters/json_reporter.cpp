#include "reporters/json_reporter.h"

#include "core/paths.h"

#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

namespace privaudit::reporters {

namespace {

using Json = nlohmann::ordered_json;

// Writes JSON laid out as nlohmann's dump(2) lays it out, value by value as the report is
// walked: building the whole report as a JSON tree first and dumping it cost about 85,000
// instructions per finding, and a scan of a gigabyte of logs has a hundred thousand findings.
class PrettyJsonWriter {
public:
    explicit PrettyJsonWriter(std::ostream& out) : out_(out) {}
    PrettyJsonWriter(const PrettyJsonWriter&) = delete;
    PrettyJsonWriter& operator=(const PrettyJsonWriter&) = delete;
    ~PrettyJsonWriter() { flush(); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    void key(std::string_view name) {
        separate();
        string(name);
        buffer_ += ": ";
        afterKey_ = true;
    }
    void value(std::string_view text) {
        separate();
        string(text);
    }
    void value(int number) {
        separate();
        buffer_ += std::to_string(number);
    }
    void value(bool flag) {
        separate();
        buffer_ += flag ? "true" : "false";
    }
    void value(double number) {
        separate();
        buffer_ += Json(number).dump(); // nlohmann's shortest round-trip form, "1.0" for 1
    }
    void newline() { buffer_ += '\n'; }
    template <typename T> void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

private:
    // Before a value: the comma and line break of its container, unless it follows its key.
    void separate() {
        if (afterKey_) {
            afterKey_ = false;
            return;
        }
        if (!counts_.empty()) {
            buffer_ += counts_.back()++ > 0 ? ",\n" : "\n";
            buffer_.append(2 * counts_.size(), ' ');
        }
        if (buffer_.size() >= flushSize) {
            flush();
        }
    }
    void open(char bracket) {
        separate();
        buffer_ += bracket;
        counts_.push_back(0);
    }
    void close(char bracket) {
        size_t count = counts_.back();
        counts_.pop_back();
        if (count > 0) {
            buffer_ += '\n';
            buffer_.append(2 * counts_.size(), ' ');
        }
        buffer_ += bracket;
    }
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
    // Printable ASCII without quotes or backslashes is written as it is; anything else is
    // escaped by nlohmann (invalid UTF-8 replaced by U+FFFD).
    void string(std::string_view text) {
        for (char c : text) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                buffer_ += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
                return;
            }
        }
        buffer_ += '"';
        buffer_ += text;
        buffer_ += '"';
    }

    static constexpr size_t flushSize = 1 << 16;
    std::ostream& out_;
    std::string buffer_;
    std::vector<size_t> counts_; // the values written so far in each open container
    bool afterKey_ = false;
};

std::string reportedFile(const std::string& file, const std::string& sourceRoot) {
    return file.empty() ? std::string() : core::relativePath(file, sourceRoot);
}

void describedLocation(PrettyJsonWriter& json, const core::SourceLocation& location,
                       const std::string& message, const std::string& sourceRoot) {
    json.beginObject();
    json.field("file", reportedFile(location.file, sourceRoot));
    json.field("line", location.line);
    json.field("column", location.column);
    json.field("endLine", location.endLine);
    json.field("endColumn", location.endColumn);
    json.field("message", message);
    json.endObject();
}

std::string_view baselineStateName(core::BaselineState state) {
    return state == core::BaselineState::Unchanged ? "unchanged" : "new";
}

// `absent`: a finding of the baseline that this scan no longer has.
void finding(PrettyJsonWriter& json, const core::Finding& finding, const std::string& sourceRoot,
             bool absent) {
    json.beginObject();
    json.field("ruleId", finding.ruleId);
    json.field("level", core::levelName(finding.level));
    json.field("severity", finding.securitySeverity);
    json.field("message", finding.message);
    json.field("file", reportedFile(finding.location.file, sourceRoot));
    json.field("line", finding.location.line);
    json.field("column", finding.location.column);
    json.field("endLine", finding.location.endLine);
    json.field("endColumn", finding.location.endColumn);
    json.key("categories");
    json.beginArray();
    for (const std::string& category : finding.categories) {
        json.value(category);
    }
    json.endArray();
    json.field("fingerprint", finding.fingerprint);
    json.field("suppressed", finding.suppression.has_value());
    if (finding.logicalLocation) {
        json.field("logicalLocation", finding.logicalLocation->fullyQualifiedName);
    }
    if (!finding.properties.empty()) {
        json.key("properties");
        json.beginObject();
        for (const auto& [name, value] : finding.properties) {
            json.key(name);
            std::visit([&](const auto& v) { json.value(v); }, value);
        }
        json.endObject();
    }
    if (finding.suppression) {
        json.field("justification", finding.suppression->justification);
    }
    bool hasBaselineState = finding.baselineState != core::BaselineState::None;
    if (hasBaselineState) {
        json.field("baselineState",
                   absent ? std::string_view("absent") : baselineStateName(finding.baselineState));
    }
    json.key("related");
    json.beginArray();
    for (const core::RelatedLocation& location : finding.related) {
        describedLocation(json, location.location, location.message, sourceRoot);
    }
    json.endArray();
    json.key("flows");
    json.beginArray();
    for (const core::CodeFlow& flow : finding.flows) {
        json.beginArray();
        for (const core::FlowStep& step : flow) {
            describedLocation(json, step.location, step.message, sourceRoot);
        }
        json.endArray();
    }
    json.endArray();
    if (absent && !hasBaselineState) {
        json.field("baselineState", std::string_view("absent"));
    }
    json.endObject();
}

void notification(PrettyJsonWriter& json, const core::Notification& notification,
                  const std::string& sourceRoot) {
    json.beginObject();
    json.field("id", core::describe(notification.kind).id);
    json.field("level", core::levelName(notification.level));
    json.field("message", notification.message);
    json.field("file", reportedFile(notification.location.file, sourceRoot));
    json.field("line", notification.location.line);
    json.endObject();
}

} // namespace

void writeJson(const core::ScanResult& scan, std::ostream& out) {
    PrettyJsonWriter json(out);
    json.beginObject();
    json.field("version", std::string_view(PRIVAUDIT_VERSION));
    json.key("findings");
    json.beginArray();
    for (const core::Finding& entry : scan.findings) {
        finding(json, entry, scan.sourceRoot, false);
    }
    json.endArray();
    json.key("absentFindings");
    json.beginArray();
    for (const core::Finding& entry : scan.absentFindings) {
        finding(json, entry, scan.sourceRoot, true);
    }
    json.endArray();
    json.key("notifications");
    json.beginArray();
    for (const core::Notification& entry : scan.notifications) {
        notification(json, entry, scan.sourceRoot);
    }
    json.endArray();
    json.endObject();
    json.newline();
}

} // namespace privaudit::reporters

#include "core/notification.h"

namespace privaudit::core {

std::string Notification::oneLine() const {
    std::string text = location.file.empty() ? std::string("privaudit") : location.file;
    if (location.line > 0) {
        text += ":" + std::to_string(location.line);
        if (location.column > 0) {
            text += ":" + std::to_string(location.column);
        }
    }
    text += ": ";
    text += levelName(level);
    text += ": ";
    text += message;
    return text;
}

const std::vector<NotificationDescriptor>& notificationDescriptors() {
    static const std::vector<NotificationDescriptor> descriptors = {
        {Notification::Kind::InputUnreadable, "input-unreadable", "InputUnreadable",
         "An input path is missing, unreadable or binary and was skipped."},
        {Notification::Kind::ParseError, "parse-error", "ParseError",
         "A configuration file or compilation database could not be parsed and was skipped."},
        {Notification::Kind::CompileError, "compile-error", "CompileError",
         "A translation unit has compile errors; its results are what Clang could recover."},
        {Notification::Kind::AnalysisCrashed, "analysis-crashed", "AnalysisCrashed",
         "An analyzer crashed on an input (a translation unit, a configuration file); the rest "
         "of the scan went on."},
        {Notification::Kind::AnalysisTimedOut, "analysis-timed-out", "AnalysisTimedOut",
         "A translation unit ran past the per-unit time limit and was stopped."},
        {Notification::Kind::PolicyError, "policy-error", "PolicyError",
         "The policy file has an unknown key or a bad value."},
    };
    return descriptors;
}

const NotificationDescriptor& describe(Notification::Kind kind) {
    for (const auto& descriptor : notificationDescriptors()) {
        if (descriptor.kind == kind) {
            return descriptor;
        }
    }
    return notificationDescriptors().front();
}

} // namespace privaudit::core

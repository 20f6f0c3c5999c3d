#pragma once

#include "core/finding.h"

#include <string>

namespace privaudit::core {

// Something the tool itself has to say about the run: an input it could not read or parse,
// a translation unit that crashed or timed out, a bad policy value. Reported in SARIF as a
// toolExecutionNotification and on stderr as one line.
struct Notification {
    // Stable descriptor ids, listed in SARIF tool.driver.notifications.
    enum class Kind {
        InputUnreadable,  // missing, unreadable or binary file
        ParseError,       // a config file or compilation database that does not parse
        CompileError,     // a translation unit with errors; results are what Clang recovered
        AnalysisCrashed,  // an analyzer crashed on an input
        AnalysisTimedOut, // a translation unit ran past its time limit
        PolicyError,      // the policy file is invalid
    };

    Kind kind = Kind::InputUnreadable;
    Level level = Level::Error;
    std::string message;
    SourceLocation location; // file and, where known, line

    // "file:line: error: message", the form editors and CI logs understand.
    std::string oneLine() const;
};

struct NotificationDescriptor {
    Notification::Kind kind;
    std::string_view id;
    std::string_view name;
    std::string_view description;
};

const std::vector<NotificationDescriptor>& notificationDescriptors();
const NotificationDescriptor& describe(Notification::Kind kind);

} // namespace privaudit::core

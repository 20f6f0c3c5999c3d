// Stand-in for glog's logging macros (declarations only).
#pragma once
#include <ostream>

namespace google {
enum LogSeverity { GLOG_INFO = 0, GLOG_WARNING = 1, GLOG_ERROR = 2 };
class LogMessage {
public:
    LogMessage(const char* file, int line, LogSeverity severity);
    ~LogMessage();
    std::ostream& stream();
};
} // namespace google

#define LOG(severity) google::LogMessage(__FILE__, __LINE__, google::GLOG_##severity).stream()

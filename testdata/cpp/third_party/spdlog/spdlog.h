// Stand-in for spdlog's public API (declarations only).
#pragma once
#include <string>

namespace spdlog {
template <typename... Args> void trace(const char* fmt, Args&&... args);
template <typename... Args> void debug(const char* fmt, Args&&... args);
template <typename... Args> void info(const char* fmt, Args&&... args);
template <typename... Args> void warn(const char* fmt, Args&&... args);
template <typename... Args> void error(const char* fmt, Args&&... args);

class logger {
public:
    template <typename... Args> void info(const char* fmt, Args&&... args);
    template <typename... Args> void warn(const char* fmt, Args&&... args);
};
} // namespace spdlog

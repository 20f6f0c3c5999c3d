// Vendored stand-in for spdlog (https://github.com/gabime/spdlog, MIT): the subset of its API
// this service uses, declarations only. Replace with the upstream headers to build.
#pragma once

#include <string>
#include <string_view>

namespace spdlog {

namespace level {
enum level_enum : int { trace, debug, info, warn, err, critical, off };
} // namespace level

template <typename... Args> void trace(std::string_view fmt, Args&&... args);
template <typename... Args> void debug(std::string_view fmt, Args&&... args);
template <typename... Args> void info(std::string_view fmt, Args&&... args);
template <typename... Args> void warn(std::string_view fmt, Args&&... args);
template <typename... Args> void error(std::string_view fmt, Args&&... args);

void set_level(level::level_enum log_level);
void set_pattern(std::string pattern);

} // namespace spdlog

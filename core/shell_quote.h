#pragma once

#include <string>

namespace privaudit::core {

// `argument` as one POSIX shell word: unchanged when it holds only safe characters, else in
// single quotes.
std::string shellQuoted(const std::string& argument);

} // namespace privaudit::core

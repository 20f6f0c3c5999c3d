#include "core/shell_quote.h"

namespace privaudit::core {

std::string shellQuoted(const std::string& argument) {
    bool plain = !argument.empty() &&
                 argument.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789-_./=:,+@%") == std::string::npos;
    if (plain) {
        return argument;
    }
    std::string quoted = "'";
    for (char c : argument) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace privaudit::core

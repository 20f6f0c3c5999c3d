#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace privaudit::cli {

// The options of a subcommand as a table: flags, and options that take a value, each with
// what to do when it is given. Handlers return an error message, empty when the value is good.
class OptionParser {
public:
    explicit OptionParser(std::string command) : command_(std::move(command)) {}

    void flag(std::vector<std::string> names, std::function<void()> handler);
    void option(std::vector<std::string> names,
                std::function<std::string(const std::string&)> handler);
    // An option whose value `accept` checks and keeps; when it refuses one, the error reads
    // "NAME must be MUSTBE, not 'VALUE'".
    void checked(std::vector<std::string> names, std::string mustBe,
                 std::function<bool(const std::string&)> accept);
    // An option whose value is kept as it is.
    void text(std::vector<std::string> names, std::optional<std::string>& value);
    void text(std::vector<std::string> names, std::string& value);

    // Applies `args`; other words go to `positional`. Returns the first error, empty if none.
    std::string parse(const std::vector<std::string>& args,
                      std::vector<std::string>& positional) const;

private:
    struct Entry {
        std::vector<std::string> names;
        bool takesValue;
        std::function<std::string(const std::string&)> handler;
    };
    std::string command_;
    std::vector<Entry> entries_;
};

} // namespace privaudit::cli

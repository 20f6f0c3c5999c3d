#include "cli/option_parser.h"

#include <algorithm>

namespace privaudit::cli {

void OptionParser::flag(std::vector<std::string> names, std::function<void()> handler) {
    entries_.push_back({std::move(names), false, [handler](const std::string&) {
                            handler();
                            return std::string();
                        }});
}

void OptionParser::option(std::vector<std::string> names,
                          std::function<std::string(const std::string&)> handler) {
    entries_.push_back({std::move(names), true, std::move(handler)});
}

void OptionParser::checked(std::vector<std::string> names, std::string mustBe,
                           std::function<bool(const std::string&)> accept) {
    std::string name = names.front();
    option(std::move(names), [name, mustBe, accept](const std::string& value) {
        return accept(value) ? std::string()
                             : name + " must be " + mustBe + ", not '" + value + "'";
    });
}

void OptionParser::text(std::vector<std::string> names, std::optional<std::string>& value) {
    option(std::move(names), [&value](const std::string& given) {
        value = given;
        return std::string();
    });
}

void OptionParser::text(std::vector<std::string> names, std::string& value) {
    option(std::move(names), [&value](const std::string& given) {
        value = given;
        return std::string();
    });
}

std::string OptionParser::parse(const std::vector<std::string>& args,
                                std::vector<std::string>& positional) const {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto entry = std::ranges::find_if(
            entries_, [&](const Entry& e) { return std::ranges::count(e.names, arg) > 0; });
        if (entry == entries_.end()) {
            if (arg.size() > 1 && arg.front() == '-') {
                return "unknown option '" + arg + "' (see: privaudit " + command_ + " --help)";
            }
            positional.push_back(arg);
            continue;
        }
        if (entry->takesValue && i + 1 >= args.size()) {
            return "option " + arg + " needs a value";
        }
        std::string error = entry->handler(entry->takesValue ? args[++i] : std::string());
        if (!error.empty()) {
            return error;
        }
    }
    return {};
}

} // namespace privaudit::cli

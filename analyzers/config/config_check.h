#pragma once

#include "analyzers/config/bot_project.h"
#include "analyzers/config/config_file.h"
#include "core/finding.h"

#include <string_view>
#include <vector>

namespace privaudit::config {

// One config rule, in the style of a clang-tidy check: a small class that reads a parsed
// file and appends findings. It fills rule id, message, location and categories; the scan
// fills the rest from the catalogue and the policy. Register a check with
//     static core::CheckRegistration<config::ConfigCheck, MyCheck> registration;
class ConfigCheck {
public:
    virtual ~ConfigCheck() = default;
    virtual std::string_view ruleId() const = 0;
    virtual void check(const ConfigFile& file, std::vector<core::Finding>& findings) const = 0;
};

// A rule about a whole bot (BotProject), such as a join of the slots in domain.yml with the
// privacy rules in endpoints.yml. Registered like a ConfigCheck.
class ConfigProjectCheck {
public:
    virtual ~ConfigProjectCheck() = default;
    virtual std::string_view ruleId() const = 0;
    virtual void check(const BotProject& project, std::vector<core::Finding>& findings) const = 0;
};

} // namespace privaudit::config

#pragma once

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

} // namespace privaudit::config

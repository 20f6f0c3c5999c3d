#pragma once

#include "analyzers/config/config_file.h"
#include "core/finding.h"

#include <memory>
#include <string_view>
#include <vector>

namespace privaudit::config {

// One config rule, in the style of a clang-tidy check: a small class that reads a parsed
// file and appends findings. It fills rule id, message, location and categories; the scan
// fills the rest from the catalogue and the policy.
class ConfigCheck {
public:
    virtual ~ConfigCheck() = default;
    virtual std::string_view ruleId() const = 0;
    virtual void check(const ConfigFile& file, std::vector<core::Finding>& findings) const = 0;
};

// Every config check linked into the binary, registered by a ConfigCheckRegistration object
// in the check's own .cpp file.
class ConfigCheckRegistry {
public:
    static ConfigCheckRegistry& instance();

    void add(std::unique_ptr<ConfigCheck> check);

    const ConfigCheck* find(std::string_view ruleId) const;
    std::vector<const ConfigCheck*> checks() const; // sorted by rule id

private:
    std::vector<std::unique_ptr<ConfigCheck>> checks_;
};

// `const ConfigCheckRegistration<MyCheck> registration;` at namespace scope registers MyCheck.
template <typename Check> struct ConfigCheckRegistration {
    ConfigCheckRegistration() { ConfigCheckRegistry::instance().add(std::make_unique<Check>()); }
};

} // namespace privaudit::config

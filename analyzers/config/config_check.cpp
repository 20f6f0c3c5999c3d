#include "analyzers/config/config_check.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace privaudit::config {

ConfigCheckRegistry& ConfigCheckRegistry::instance() {
    static ConfigCheckRegistry registry;
    return registry;
}

void ConfigCheckRegistry::add(std::unique_ptr<ConfigCheck> check) {
    if (find(check->ruleId())) {
        // Two checks claiming one rule id is a build defect; it surfaces at startup.
        throw std::logic_error("config check '" + std::string(check->ruleId()) +
                               "' registered twice");
    }
    auto position = std::ranges::upper_bound(checks_, check->ruleId(), {},
                                             [](const auto& c) { return c->ruleId(); });
    checks_.insert(position, std::move(check));
}

const ConfigCheck* ConfigCheckRegistry::find(std::string_view ruleId) const {
    auto found = std::ranges::find(checks_, ruleId, [](const auto& c) { return c->ruleId(); });
    return found == checks_.end() ? nullptr : found->get();
}

std::vector<const ConfigCheck*> ConfigCheckRegistry::checks() const {
    std::vector<const ConfigCheck*> result;
    for (const auto& check : checks_) {
        result.push_back(check.get());
    }
    return result;
}

} // namespace privaudit::config

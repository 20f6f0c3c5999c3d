// The policy file (.privaudit.yaml): rules, excludes, sensitive names, models and the user's
// own config rules, read as a scan reads them.

#include "analyzers/config/document_loader.h"
#include "checks/catalogue.h"
#include "checks/config/data_rules.h"
#include "core/policy.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace privaudit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto loaded = config::loadDocuments(std::string_view(reinterpret_cast<const char*>(data), size),
                                        config::DocumentFormat::Yaml);
    if (loaded.error || loaded.documents.empty()) {
        return 0;
    }
    core::RuleCatalogue catalogue = checks::builtinCatalogue();
    std::vector<core::Notification> notifications;
    core::Policy policy = core::Policy::fromTree(loaded.documents.front(), "/repo/.privaudit.yaml",
                                                 catalogue, notifications);
    if (const core::DocNode* configRules = policy.configRules()) {
        checks::loadUserDataRules(*configRules, policy.path(), catalogue, notifications);
    }
    policy.isExcluded("/repo/src/customer_store.cpp");
    policy.isExcluded("/repo/third_party/lib/a.yaml");
    for (const core::Rule& rule : catalogue.rules()) {
        policy.isEnabled(rule.id);
        policy.levelFor(rule);
    }
    return 0;
}

// The whole configuration analysis of one file as a scan runs it: load with positions, detect
// the platform, group into a bot project, run every config check and built-in data rule.
// Built once per platform: PRIVAUDIT_FUZZ_PATH is a file name that platform uses, and the
// seed corpus holds that platform's files.

#include "analyzers/config/config_analysis.h"
#include "checks/config/data_rules.h"
#include "core/check_registry.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace privaudit;

template <class Check>
std::vector<const Check*> pointers(const std::vector<std::unique_ptr<Check>>& checks) {
    std::vector<const Check*> out;
    for (const auto& check : checks) {
        out.push_back(check.get());
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const auto fileChecks = core::CheckRegistry<config::ConfigCheck>::createAll();
    static const auto projectChecks = core::CheckRegistry<config::ConfigProjectCheck>::createAll();
    static const config::ConfigRules rules = [] {
        config::ConfigRules all{pointers(fileChecks), pointers(projectChecks), {}};
        for (const config::DataRule& rule : checks::builtinDataRules()) {
            all.dataRules.push_back(&rule);
        }
        return all;
    }();
    const std::string path = PRIVAUDIT_FUZZ_PATH;
    config::analyzeConfigFiles({path}, rules,
                               {{path, std::string(reinterpret_cast<const char*>(data), size)}});
    return 0;
}

#pragma once

#include "core/finding_json.h"
#include "core/policy.h"
#include "core/shard.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace privaudit::cli {

struct CppScanRequest {
    std::vector<std::string> roots;     // the paths the user named
    std::vector<std::string> sources;   // translation units found under them
    const std::string* compileDatabase; // -p, or null for default flags
    unsigned jobs;
    int timeoutSeconds;
    std::string sourceRoot; // shards split by paths relative to it
    core::Shard shard;
    std::optional<std::string> cacheFolder; // --cache DIR
    std::string policyText;                 // part of every cache key
    // --stdin-filename: the one unit's content, read from stdin instead of the disk.
    const std::string* unsavedContent = nullptr;
};

struct CppScanOutput {
    core::AnalyzerOutput output;
    nlohmann::json taintSummaries = nlohmann::json::object(); // {unit: [summary...]}
    std::map<std::string, std::vector<std::string>> includes; // unit -> user headers it read
};

// Analyzes every translation unit of the request's shard in its own process, `jobs` at a time,
// with the C++ checks the policy enables, or takes its result from the cache when the unit,
// its headers, its flags, the policy and the rules are unchanged. Crashes and time-outs
// become notifications. The taint summaries are for resolveDataflow.
CppScanOutput scanCpp(const CppScanRequest& request, const core::Policy& policy,
                      std::vector<std::string>& analyzedFiles);

// The findings of the dataflow rules the policy enables, from the taint summaries of every
// translation unit (in unit order, as scanCpp gives them or as shards' reports carry them).
std::vector<core::Finding> resolveDataflow(const nlohmann::json& taintSummaries,
                                           const core::Policy& policy);

} // namespace privaudit::cli

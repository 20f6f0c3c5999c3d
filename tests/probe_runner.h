#pragma once

// Runs `privaudit probe` for the probe's tests and reads the report back.
#include "tests/run_privaudit.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace privaudit::testing {

struct ProbeReport {
    CommandResult command;
    nlohmann::json json; // the parsed report when it is .json or .sarif
    std::string text;    // the report file, "" when none was written
};

// `privaudit probe TARGET... --customers 4 --rounds 6 --seed SEED EXTRA...` writing
// TEMP/NAME (quietly) and the transcript TEMP/transcript.jsonl, paths relative to TEMP.
// `target` is e.g. {"--target", url} or {"--command", cmd}.
ProbeReport runProbe(const std::vector<std::string>& target, const TempDir& temp,
                     const std::string& name, const std::string& seed,
                     const std::vector<std::string>& extra = {});

} // namespace privaudit::testing

#pragma once

#include "analyzers/runtime/probe/chat_adapter.h"
#include "cli/probe_options.h"

#include <memory>
#include <string>

namespace privaudit::cli {

struct ProbeTarget {
    std::unique_ptr<runtime::probe::ChatAdapter> adapter;
    std::string name; // how reports name the target: its URL, or "command:CMD"
};

// The adapter the options ask for; for jsonl this starts the child process. Returns nullptr
// adapter and sets `error` for a target URL that is not one.
ProbeTarget connectProbeTarget(const ProbeOptions& options, std::string& error);

} // namespace privaudit::cli

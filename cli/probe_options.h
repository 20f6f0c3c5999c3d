#pragma once

#include "cli/scan_options.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace privaudit::cli {

struct ProbeOptions {
    std::string target;  // http(s)://host:port[/path]; the Rasa REST webhook path by default
    std::string command; // the jsonl adapter's bot, run by /bin/sh -c
    std::string adapter = "rasa-rest";   // rasa-rest, http-json or jsonl
    std::string scenario = "builtin:en"; // a YAML file, or builtin:en / builtin:de
    std::vector<std::pair<std::string, std::string>> headers; // --header NAME:VALUE
    // runtime/session-id-reuse's second client: in place of `headers` of the same names
    std::vector<std::pair<std::string, std::string>> secondClientHeaders;
    std::string caFile;                         // https: trust these CAs
    std::optional<std::string> requestTemplate; // http-json
    std::vector<std::string> replyPointers;     // http-json, jsonl
    std::string sessionPointer;                 // http-json
    int customers = 8;
    int rounds = 12;
    int maxBurst = 4;                  // runtime::probe::defaultMaxBurst
    std::optional<std::uint64_t> seed; // default: a random one, printed
    int timeoutSeconds = 10;
    std::string transcript = "privaudit-probe.jsonl";
    std::vector<std::string> watchFolders; // --watch: files created or changed in them
    std::vector<std::string> logFiles;     // --log: bytes appended to them
    std::optional<std::string> mockLlm;    // --mock-llm HOST:PORT, loopback only
    std::optional<ReportFormat> format;
    std::optional<std::string> output;
    std::optional<std::string> policyFile;
    std::optional<std::string> sourceRoot;
    core::Level failOn = core::Level::Error;
    bool quiet = false;

    ReportFormat reportFormat() const { return reportFormatFor(format, output); }
};

// Parses `privaudit probe` arguments (after "probe"). Returns an error message, empty on
// success; sets `help` for --help.
std::string parseProbeOptions(const std::vector<std::string>& args, ProbeOptions& options,
                              bool& help);

extern const char* const probeUsage;

} // namespace privaudit::cli

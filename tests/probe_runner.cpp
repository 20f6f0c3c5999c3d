#include "tests/probe_runner.h"

#include <filesystem>

namespace privaudit::testing {

ProbeReport runProbe(const std::vector<std::string>& target, const TempDir& temp,
                     const std::string& name, const std::string& seed,
                     const std::vector<std::string>& extra) {
    std::string report = temp.path() + "/" + name;
    std::vector<std::string> args = {"probe"};
    args.insert(args.end(), target.begin(), target.end());
    std::vector<std::string> common = {
        "--customers",   "4",         "--rounds",     "6",
        "--seed",        seed,        "--transcript", temp.path() + "/transcript.jsonl",
        "--source-root", temp.path(), "-o",           report,
        "--quiet"};
    args.insert(args.end(), common.begin(), common.end());
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult command = runPrivaudit(args);
    std::string text = std::filesystem::exists(report) ? readFile(report) : "";
    return {command,
            name.ends_with(".json") || name.ends_with(".sarif")
                ? nlohmann::json::parse(text, nullptr, false)
                : nlohmann::json(),
            text};
}

} // namespace privaudit::testing

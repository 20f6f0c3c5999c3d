#include "tests/demo_scan.h"

#include "tests/run_privaudit.h"

#include <stdexcept>

namespace privaudit::testing {

const std::string& demoSarifPath() {
    static TempDir folder;
    static const std::string path = [] {
        std::string report = folder.path() + "/demo.sarif";
        CommandResult scan =
            runPrivaudit({"scan", "testdata/demo", "-o", report, "--fail-on", "none", "-q"});
        if (scan.exitCode != 0) {
            throw std::runtime_error("the demo scan failed: " + scan.err);
        }
        return report;
    }();
    return path;
}

const nlohmann::json& demoSarif() {
    static const nlohmann::json sarif = nlohmann::json::parse(readFile(demoSarifPath()));
    return sarif;
}

int demoResultsAtLevel(const std::string& level) {
    int count = 0;
    for (const auto& result : demoSarif()["runs"][0]["results"]) {
        count += result["level"] == level && !result.contains("suppressions");
    }
    return count;
}

} // namespace privaudit::testing

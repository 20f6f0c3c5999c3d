#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace privaudit::testing {

// The SARIF report of `privaudit scan testdata/demo`, made once per test program and kept
// in a folder that lives as long as the program.
const std::string& demoSarifPath();
const nlohmann::json& demoSarif();

// How many results of the demo report have `level` (error, warning, note).
int demoResultsAtLevel(const std::string& level);

} // namespace privaudit::testing

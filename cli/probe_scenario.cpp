#include "cli/probe_scenario.h"

#include "analyzers/config/document_loader.h"
#include "checks/embedded_data.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace privaudit::cli {

namespace {

constexpr std::string_view builtinPrefix = "builtin:";

} // namespace

std::string loadProbeScenario(const std::string& spec, runtime::probe::Scenario& scenario) {
    std::string text;
    if (spec.starts_with(builtinPrefix)) {
        std::string language = spec.substr(builtinPrefix.size());
        text = checks::embeddedFile("scenarios/" + language + ".yaml");
        if (text.empty()) {
            return "there is no built-in scenario '" + spec +
                   "' (built in: builtin:en, builtin:de)";
        }
    } else {
        std::ifstream in(spec, std::ios::binary);
        if (!in) {
            return spec + ": cannot read the scenario: " + std::strerror(errno);
        }
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    config::LoadedDocuments loaded = config::loadDocuments(text, config::DocumentFormat::Yaml);
    if (loaded.error) {
        return spec + ":" + std::to_string(std::max(loaded.error->line, 1)) + ": " +
               loaded.error->message;
    }
    if (loaded.documents.size() != 1) {
        return spec + ":1: a scenario file holds exactly one YAML document";
    }
    try {
        scenario = runtime::probe::scenarioFromDocument(loaded.documents.front(), spec);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return {};
}

} // namespace privaudit::cli

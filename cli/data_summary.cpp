#include "cli/data_summary.h"

#include "core/paths.h"

#include <map>
#include <set>
#include <string>
#include <variant>

namespace privaudit::cli {

namespace {

std::string entityOf(const core::Finding& finding) {
    auto entity = finding.properties.find("entity");
    if (entity == finding.properties.end()) {
        return "?";
    }
    const auto* name = std::get_if<std::string>(&entity->second);
    return name ? *name : "?";
}

} // namespace

void writeDataSummary(const core::ScanResult& result, std::ostream& out) {
    std::map<std::string, std::map<std::string, int>> byFile;
    std::map<std::string, int> byEntity;
    std::map<std::string, std::set<std::string>> filesOfEntity;
    for (const core::Finding& finding : result.findings) {
        if (finding.suppression) {
            continue;
        }
        std::string file = core::relativePath(finding.location.file, result.sourceRoot);
        std::string entity = entityOf(finding);
        ++byFile[file][entity];
        ++byEntity[entity];
        filesOfEntity[entity].insert(file);
    }
    out << "\nsummary by file (" << byFile.size() << " of " << result.analyzedFiles.size()
        << " file(s) with findings):\n";
    for (const auto& [file, entities] : byFile) {
        int total = 0;
        std::string parts;
        for (const auto& [entity, count] : entities) {
            total += count;
            parts += (parts.empty() ? "" : ", ") + entity + " " + std::to_string(count);
        }
        out << "  " << file << ": " << total << " (" << parts << ")\n";
    }
    out << "summary by entity:\n";
    for (const auto& [entity, count] : byEntity) {
        out << "  " << entity << ": " << count << " in " << filesOfEntity[entity].size()
            << " file(s)\n";
    }
}

} // namespace privaudit::cli

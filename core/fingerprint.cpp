#include "core/fingerprint.h"

#include "core/fnv1a.h"
#include "core/paths.h"

#include <cctype>
#include <map>

namespace privaudit::core {

namespace {

std::string withoutWhitespace(std::string_view text) {
    std::string result;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            result += c;
        }
    }
    return result;
}

} // namespace

std::string stableHash(std::initializer_list<std::string_view> fields) {
    Fnv1a hash;
    for (std::string_view field : fields) {
        hash.add(field);
    }
    return hash.hex();
}

void assignFingerprints(std::vector<Finding>& findings, SourceFiles& sources,
                        const std::string& sourceRoot) {
    std::map<std::string, int> seen;
    for (Finding& finding : findings) {
        Fnv1a hash;
        hash.add(finding.ruleId);
        hash.add(relativePath(finding.location.file, sourceRoot));
        hash.add(withoutWhitespace(sources.line(finding.location.file, finding.location.line)));
        std::string key = hash.hex();
        finding.fingerprint = key + ":" + std::to_string(++seen[key]);
    }
}

} // namespace privaudit::core

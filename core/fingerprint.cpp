#include "core/fingerprint.h"

#include "core/paths.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>

namespace privaudit::core {

namespace {

// FNV-1a, 64 bit: small, stable across platforms and releases.
class Fnv1a {
public:
    void add(std::string_view text) {
        for (unsigned char c : text) {
            hash_ = (hash_ ^ c) * 0x100000001b3ULL;
        }
        hash_ = (hash_ ^ 0xff) * 0x100000001b3ULL; // field separator
    }
    std::string hex() const {
        char buffer[17];
        std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
        return buffer;
    }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

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

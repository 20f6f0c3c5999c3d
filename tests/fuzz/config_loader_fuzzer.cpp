// The YAML and JSON loaders with positions: parse, detect the platform, and place every node.
// Built once per format (PRIVAUDIT_FUZZ_PATH names the file the input stands for).

#include "analyzers/config/config_file.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void locateAll(const privaudit::config::ConfigFile& file, const privaudit::core::DocNode& node) {
    file.locationOf(node);
    for (const auto& item : node.items) {
        locateAll(file, item);
    }
    for (const auto& [key, value] : node.entries) {
        locateAll(file, key);
        locateAll(file, value);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto parsed = privaudit::config::parseConfigFile(
        PRIVAUDIT_FUZZ_PATH, std::string(reinterpret_cast<const char*>(data), size));
    if (const auto* file = std::get_if<privaudit::config::ConfigFile>(&parsed)) {
        for (const auto& document : file->documents) {
            locateAll(*file, document);
        }
        for (int line = 0; line <= static_cast<int>(file->lineStarts.size()) + 1; ++line) {
            file->line(line);
        }
    }
    return 0;
}

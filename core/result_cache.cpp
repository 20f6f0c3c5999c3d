#include "core/result_cache.h"

#include "core/atomic_file.h"
#include "core/fnv1a.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace privaudit::core {

namespace fs = std::filesystem;

ResultCache::ResultCache(std::string folder) : folder_(std::move(folder)) {}

std::string ResultCache::entryPath(const std::string& key) const {
    Fnv1a hash;
    hash.add(key);
    return (fs::path(folder_) / (hash.hex() + ".json")).string();
}

std::string ResultCache::fileDigest(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Two independent 64-bit hashes and the size: a stale hit needs all three to collide.
    Fnv1a forward;
    Fnv1a salted;
    forward.add(content);
    salted.add("privaudit-cache");
    salted.add(content);
    return forward.hex() + salted.hex() + "-" + std::to_string(content.size());
}

std::optional<std::string> ResultCache::lookup(const std::string& key) const {
    std::ifstream in(entryPath(key), std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    // An entry of another shape (damaged, cut short, written by another version) is a miss.
    const nlohmann::json entry = nlohmann::json::parse(in, nullptr, false);
    if (!entry.is_object()) {
        return std::nullopt;
    }
    const auto storedKey = entry.find("key");
    const auto output = entry.find("output");
    const auto reads = entry.find("reads");
    if (storedKey == entry.end() || *storedKey != key || output == entry.end() ||
        !output->is_string() || (reads != entry.end() && !reads->is_object())) {
        return std::nullopt;
    }
    if (reads != entry.end()) {
        for (const auto& [file, digest] : reads->items()) {
            if (!digest.is_string() || fileDigest(file) != digest.get_ref<const std::string&>()) {
                return std::nullopt;
            }
        }
    }
    return output->get<std::string>();
}

void ResultCache::store(const std::string& key, const std::vector<std::string>& readFiles,
                        const std::string& output) const {
    nlohmann::json reads = nlohmann::json::object();
    for (const std::string& file : readFiles) {
        reads[file] = fileDigest(file);
    }
    std::error_code ec;
    fs::create_directories(folder_, ec);
    nlohmann::json entry = {{"key", key}, {"reads", reads}, {"output", output}};
    writeFileAtomically(entryPath(key), entry.dump());
}

} // namespace privaudit::core

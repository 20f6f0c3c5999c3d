// A cache entry as --cache finds it in its folder: written by an older privaudit, cut short by
// a full disk, or edited by hand. A lookup must be a hit or a miss, never a crash.

#include "core/result_cache.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// A folder of this process's own, removed when the fuzzer exits normally.
struct CacheFolder {
    fs::path path =
        fs::temp_directory_path() / ("privaudit-fuzz-cache-" + std::to_string(::getpid()));
    privaudit::core::ResultCache cache{path.string()};
    fs::path entry;

    CacheFolder() {
        cache.store("unit.cpp", {}, "output");
        entry = fs::directory_iterator(path)->path();
    }
    ~CacheFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const CacheFolder folder;
    {
        std::ofstream out(folder.entry, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    folder.cache.lookup("unit.cpp");
    return 0;
}

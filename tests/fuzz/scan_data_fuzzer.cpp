// scan-data on one artifact: the format front end (JSON lines, JSON document, CSV, text), the
// gunzipping byte source, the line reader, recognizers and decoders. scanArtifact reads files,
// so each input is written to a per-process file named PRIVAUDIT_FUZZ_NAME, whose extension
// picks the format as it does for users.

#include "analyzers/runtime/artifact_scanner.h"
#include "analyzers/runtime/candidate.h"
#include "checks/runtime/recognizer_catalogue.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

using namespace privaudit;
namespace fs = std::filesystem;

// A folder of this process's own, removed when the fuzzer exits normally.
struct InputFile {
    fs::path folder = fs::temp_directory_path() / ("privaudit-fuzz-" + std::to_string(::getpid()));
    fs::path path = folder / PRIVAUDIT_FUZZ_NAME;

    InputFile() { fs::create_directories(folder); }
    ~InputFile() {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

runtime::ScanSettings enabledRecognizers() {
    runtime::ScanSettings settings;
    settings.recognizers = &checks::builtinRecognizers();
    for (const runtime::RecognizerSpec& spec : settings.recognizers->recognizers) {
        if (auto recognizer = runtime::recognizerNamed(spec.id); recognizer && spec.enabled) {
            settings.active[static_cast<size_t>(*recognizer)] = &spec;
        }
    }
    return settings;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const InputFile input;
    static const runtime::ScanSettings settings = enabledRecognizers();
    {
        std::ofstream out(input.path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    runtime::scanArtifact(input.path.string(), settings, 100);
    return 0;
}

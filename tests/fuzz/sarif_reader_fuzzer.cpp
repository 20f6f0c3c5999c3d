// The SARIF reader behind report, merge and --baseline: any file a user passes as a previous
// report.

#include "core/sarif_reader.h"
#include "core/scan_result.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    privaudit::core::ScanResult result;
    result.sourceRoot = "/repo";
    privaudit::core::readSarif(std::string_view(reinterpret_cast<const char*>(data), size),
                               result.sourceRoot, result);
    return 0;
}

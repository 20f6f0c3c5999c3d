// The probe's parsers of what a bot answers. A reply of the wrong shape must come back as the
// std::runtime_error the probe reports, never as anything else.

#include "analyzers/runtime/probe/rasa_rest_adapter.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    try {
        privaudit::runtime::probe::parseRasaReply(body);
    } catch (const std::runtime_error&) {
    }
    return 0;
}

// What an editor sends privaudit lsp on stdin: Content-Length frames of JSON-RPC messages. A
// broken frame ends the input; nothing may crash or take memory the input does not justify.

#include "cli/json_rpc.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    while (privaudit::cli::readRpcMessage(in)) {
    }
    return 0;
}

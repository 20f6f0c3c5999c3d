#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>

namespace privaudit::cli {

// JSON-RPC 2.0 messages framed as the Language Server Protocol frames them: a
// "Content-Length: N" header, an empty line, N bytes of JSON.

// The next message; nullopt at the end of the input or on a broken frame (one that claims more
// than 64 MiB is taken for broken).
std::optional<nlohmann::json> readRpcMessage(std::istream& in);

void writeRpcMessage(std::ostream& out, const nlohmann::json& message);

} // namespace privaudit::cli

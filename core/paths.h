#pragma once

#include <string>
#include <string_view>

namespace privaudit::core {

// `path` relative to `root` with forward slashes, for reports; `path` unchanged (made
// absolute) when it lies outside `root`.
std::string relativePath(std::string_view path, std::string_view root);

// A relative path as a SARIF URI reference: forward slashes, percent-encoded.
std::string uriReference(std::string_view relative);

} // namespace privaudit::core

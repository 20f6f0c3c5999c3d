#pragma once

#include "core/finding.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace privaudit::reporters {

using SarifJson = nlohmann::ordered_json;

// The base id every relative artifact URI is resolved against. The run declares it without an
// absolute uri so the report does not carry the scanning machine's directory layout.
inline constexpr std::string_view sourceRootBaseId = "%SRCROOT%";

// GitHub and GitLab reject or skip descriptions and messages longer than 1024 characters.
inline constexpr std::size_t sarifTextLimit = 1024;

// `text` cut to at most `limit` Unicode code points, ending in an ellipsis when cut.
std::string limitText(std::string_view text, std::size_t limit = sarifTextLimit);

// A SARIF message (or multiformatMessageString) holding plain text.
SarifJson sarifMessage(std::string_view text);

// An artifactLocation: the file relative to `sourceRoot` under %SRCROOT%, an absolute file URI
// when it lies outside.
SarifJson sarifArtifactLocation(std::string_view file, std::string_view sourceRoot);

// A physicalLocation: the artifact location, and a region when the line is known (with the
// masked `snippet` when there is one).
SarifJson sarifPhysicalLocation(const core::SourceLocation& location, std::string_view sourceRoot,
                                std::string_view snippet = {});

} // namespace privaudit::reporters

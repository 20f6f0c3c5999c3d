#pragma once

#include "analyzers/config/document_loader.h"
#include "core/doc_tree.h"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace privaudit::config {

// The product a configuration file belongs to. Messages name it so users know which
// platform's documentation applies.
enum class Platform {
    GenericYaml,
    GenericJson,
    Rasa,
    DialogflowCx,
    DialogflowEs,
    AmazonLexV2,
    AmazonConnect,
    AwsCloudFormation,
    BotFramework,
    Botpress,
    GenesysArchitect,
    LiteLlm,
    Kubernetes,
    Terraform,
};

// "Rasa", "Dialogflow CX", ..., "YAML config" / "JSON config" for unrecognized files.
std::string_view platformName(Platform platform);

// The short name config rules use: rasa, dialogflow-cx, dialogflow-es, lex, connect,
// cloudformation, terraform, botframework, botpress, genesys, litellm, kubernetes, yaml, json.
std::string_view platformKey(Platform platform);
std::optional<Platform> platformFromKey(std::string_view key);

// Recognizes a platform by file name, folder layout and top-level keys; the first document
// that matches decides.
Platform detectPlatform(const std::filesystem::path& path,
                        const std::vector<core::DocNode>& documents, DocumentFormat format);

} // namespace privaudit::config

#include "analyzers/config/platform.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

namespace privaudit::config {

using core::DocNode;

namespace {

// What a signature may look at: the file's name (lowercase), its folders and first-level keys.
struct Clues {
    std::string fileName;
    const std::filesystem::path& path;
    const DocNode& root;
    DocumentFormat format;
};

struct Signature {
    Platform platform;
    bool (*matches)(const Clues&);
};

using Keys = std::initializer_list<std::string_view>;

bool hasAny(const DocNode& node, Keys keys) {
    return std::ranges::any_of(keys, [&](std::string_view key) { return node.find(key); });
}

bool hasAll(const DocNode& node, Keys keys) {
    return std::ranges::all_of(keys, [&](std::string_view key) { return node.find(key); });
}

bool isSequenceAt(const DocNode& node, std::string_view key) {
    const DocNode* value = node.find(key);
    return value && value->isSequence();
}

bool hasAwsResources(const DocNode& root) {
    const DocNode* resources = root.find("Resources");
    if (!resources || !resources->isMapping()) {
        return false;
    }
    return std::ranges::any_of(resources->entries, [](const auto& entry) {
        const DocNode* type = entry.second.find("Type");
        return type && type->scalar.starts_with("AWS::");
    });
}

bool isLexManifest(const DocNode& root) {
    const DocNode* metaData = root.find("metaData");
    const DocNode* fileFormat = metaData ? metaData->find("fileFormat") : nullptr;
    return fileFormat && fileFormat->scalar == "LexJson";
}

// Terraform JSON (*.tf.json) declaring cloud resources.
bool isTerraform(const DocNode& root) {
    const DocNode* resources = root.find("resource");
    if (!resources || !resources->isMapping()) {
        return false;
    }
    return std::ranges::any_of(resources->entries, [](const auto& entry) {
        const std::string& type = entry.first.scalar;
        return type.starts_with("aws_") || type.starts_with("google_") ||
               type.starts_with("azurerm_") || type.starts_with("genesyscloud_");
    });
}

// Pages, intents and entity types of a CX agent export: a displayName inside the export's
// folders (Dialogflow ES exports have no displayName).
bool isDialogflowCxPart(const Clues& clues) {
    if (!clues.root.find("displayName")) {
        return false;
    }
    for (const auto& folder : clues.path.parent_path()) {
        std::string name = folder.string();
        if (name == "pages" || name == "flows" || name == "intents" || name == "entityTypes" ||
            name == "webhooks" || name == "transitionRouteGroups") {
            return true;
        }
    }
    return false;
}

// A Python logging dict config (rasa run --logging-config-file) that configures Rasa's loggers.
bool isRasaLoggingConfig(const DocNode& root) {
    const DocNode* loggers = root.find("loggers");
    return root.find("version") && loggers &&
           std::ranges::any_of(loggers->entries, [](const auto& entry) {
               return entry.first.scalar == "rasa" || entry.first.scalar.starts_with("rasa.");
           });
}

bool isRasa(const Clues& clues) {
    const DocNode& root = clues.root;
    if (isRasaLoggingConfig(root)) {
        return true;
    }
    if (hasAny(root, {"tracker_store", "action_endpoint", "lock_store", "event_broker",
                      "session_config", "assistant_id", "recipe", "model_groups"})) {
        return true;
    }
    bool projectKeys = hasAny(root, {"pipeline", "policies", "intents", "responses", "slots",
                                     "forms", "nlu", "stories", "rules", "flows"});
    bool rasaName = clues.fileName.starts_with("config.") || clues.fileName.starts_with("domain.");
    if (projectKeys && (root.find("version") || rasaName)) {
        return true;
    }
    return clues.fileName.starts_with("credentials.") &&
           hasAny(root, {"rest", "socketio", "rasa", "facebook", "slack", "telegram", "twilio",
                         "twilio_voice", "mattermost", "botframework", "callback", "webexteams",
                         "hangouts", "rocketchat", "audiocodes_voice"});
}

bool isGenesysArchitectFlow(const Clues& clues) {
    static constexpr std::array<std::string_view, 16> flowTypes = {
        "inboundCall", "inboundChat",  "inboundEmail",        "inboundShortMessage",
        "inqueueCall", "inqueueEmail", "inqueueShortMessage", "outboundCall",
        "secureCall",  "botFlow",      "digitalBotFlow",      "commonModule",
        "workflow",    "workitem",     "voiceSurvey",         "voicemail"};
    if (clues.format != DocumentFormat::Yaml || clues.root.entries.size() != 1) {
        return false;
    }
    const auto& [key, flow] = clues.root.entries.front();
    return std::ranges::find(flowTypes, key.scalar) != flowTypes.end() && flow.find("name");
}

// Ordered from the most to the least specific: the first match wins.
constexpr Signature signatures[] = {
    {Platform::Terraform,
     [](const Clues& c) {
         return isTerraform(c.root);
     }},
    {Platform::AwsCloudFormation,
     [](const Clues& c) {
         return c.root.find("AWSTemplateFormatVersion") || hasAwsResources(c.root);
     }},
    {Platform::Kubernetes,
     [](const Clues& c) {
         return hasAll(c.root, {"apiVersion", "kind", "metadata"});
     }},
    {Platform::LiteLlm,
     [](const Clues& c) {
         const DocNode* general = c.root.find("general_settings");
         return hasAny(c.root, {"model_list", "litellm_settings", "router_settings"}) ||
                (general && hasAny(*general, {"master_key", "database_url"}));
     }},
    {Platform::AmazonConnect,
     [](const Clues& c) {
         return (isSequenceAt(c.root, "Actions") && hasAny(c.root, {"StartAction", "Version"})) ||
                (isSequenceAt(c.root, "modules") && c.root.find("version"));
     }},
    {Platform::AmazonLexV2,
     [](const Clues& c) {
         return isLexManifest(c.root) ||
                hasAny(c.root, {"dataPrivacy", "idleSessionTTLInSeconds", "nluConfidenceThreshold",
                                "valueElicitationSetting", "slotPriorities", "slotTypeValues",
                                "valueSelectionSetting"});
     }},
    {Platform::DialogflowCx,
     [](const Clues& c) {
         return hasAny(c.root, {"startFlow", "advancedSettings", "genericWebService",
                                "serviceDirectory", "transitionRoutes", "eventHandlers",
                                "entryFulfillment", "transitionRouteGroups", "redactionStrategy",
                                "retentionStrategy", "retentionWindowDays", "purgeDataTypes"}) ||
                isDialogflowCxPart(c);
     }},
    {Platform::DialogflowEs,
     [](const Clues& c) {
         return hasAny(c.root,
                       {"disableInteractionLogs", "disableStackdriverLogs", "googleAssistant"});
     }},
    {Platform::BotFramework,
     [](const Clues& c) {
         return hasAny(c.root, {"MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType",
                                "runtimeSettings", "$kind"});
     }},
    {Platform::Botpress,
     [](const Clues& c) {
         return c.fileName == "bot.config.json" || c.fileName == "botpress.config.json" ||
                (c.root.find("appSecret") && hasAny(c.root, {"modules", "dialog"}));
     }},
    {Platform::GenesysArchitect, isGenesysArchitectFlow},
    {Platform::Rasa, isRasa},
};

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::string_view platformName(Platform platform) {
    switch (platform) {
    case Platform::GenericYaml:
        return "YAML config";
    case Platform::GenericJson:
        return "JSON config";
    case Platform::Rasa:
        return "Rasa";
    case Platform::DialogflowCx:
        return "Dialogflow CX";
    case Platform::DialogflowEs:
        return "Dialogflow ES";
    case Platform::AmazonLexV2:
        return "Amazon Lex V2";
    case Platform::AmazonConnect:
        return "Amazon Connect";
    case Platform::AwsCloudFormation:
        return "AWS CloudFormation";
    case Platform::BotFramework:
        return "Bot Framework";
    case Platform::Botpress:
        return "Botpress";
    case Platform::GenesysArchitect:
        return "Genesys Architect";
    case Platform::LiteLlm:
        return "LiteLLM";
    case Platform::Kubernetes:
        return "Kubernetes";
    case Platform::Terraform:
        return "Terraform";
    }
    return "config";
}

namespace {

constexpr std::pair<Platform, std::string_view> platformKeys[] = {
    {Platform::GenericYaml, "yaml"},
    {Platform::GenericJson, "json"},
    {Platform::Rasa, "rasa"},
    {Platform::DialogflowCx, "dialogflow-cx"},
    {Platform::DialogflowEs, "dialogflow-es"},
    {Platform::AmazonLexV2, "lex"},
    {Platform::AmazonConnect, "connect"},
    {Platform::AwsCloudFormation, "cloudformation"},
    {Platform::BotFramework, "botframework"},
    {Platform::Botpress, "botpress"},
    {Platform::GenesysArchitect, "genesys"},
    {Platform::LiteLlm, "litellm"},
    {Platform::Kubernetes, "kubernetes"},
    {Platform::Terraform, "terraform"},
};

} // namespace

std::string_view platformKey(Platform platform) {
    for (const auto& [known, key] : platformKeys) {
        if (known == platform) {
            return key;
        }
    }
    return "yaml";
}

std::optional<Platform> platformFromKey(std::string_view key) {
    for (const auto& [platform, known] : platformKeys) {
        if (known == key) {
            return platform;
        }
    }
    return std::nullopt;
}

Platform detectPlatform(const std::filesystem::path& path, const std::vector<DocNode>& documents,
                        DocumentFormat format) {
    std::string fileName = lowercase(path.filename().string());
    for (const DocNode& document : documents) {
        if (!document.isMapping()) {
            continue;
        }
        Clues clues{fileName, path, document, format};
        for (const Signature& signature : signatures) {
            if (signature.matches(clues)) {
                return signature.platform;
            }
        }
    }
    return format == DocumentFormat::Json ? Platform::GenericJson : Platform::GenericYaml;
}

} // namespace privaudit::config

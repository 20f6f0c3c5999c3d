// config/secret-in-plaintext: a credential written into a configuration file as a literal.

#include "analyzers/config/config_check.h"
#include "analyzers/config/tree_walk.h"
#include "checks/common/secret_classifier.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"
#include "core/masking.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace privaudit::checks {

namespace {

using config::ConfigFile;
using config::MappingVisit;
using config::Platform;
using core::DocNode;

constexpr std::string_view secretInPlaintext = "config/secret-in-plaintext";

// How each platform refers to a secret instead of holding it; `variable` is a name derived
// from the key.
std::string referenceAdvice(Platform platform, const std::string& variable) {
    switch (platform) {
    case Platform::LiteLlm:
        return "reference a secret (e.g. os.environ/" + variable + ") instead";
    case Platform::AwsCloudFormation:
        return "resolve it from Secrets Manager (e.g. {{resolve:secretsmanager:" + variable +
               "}}) or pass a NoEcho parameter instead";
    case Platform::Kubernetes:
        return "keep it out of the manifest (e.g. a Secret read through valueFrom.secretKeyRef) "
               "instead";
    case Platform::BotFramework:
        return "leave it empty here and supply it from app settings or Azure Key Vault instead";
    case Platform::DialogflowCx:
        return "store it in Secret Manager (secretVersionForUsernamePassword or "
               "secretVersionsForRequestHeaders) instead";
    case Platform::DialogflowEs:
        return "rotate it and keep agent exports that carry webhook credentials out of the "
               "repository";
    default:
        return "reference a secret (e.g. ${" + variable + "}) instead";
    }
}

// "password" under "tracker_store" -> TRACKER_STORE_PASSWORD; "MicrosoftAppPassword" ->
// MICROSOFT_APP_PASSWORD. A one-word key borrows its parent's name to say whose secret it is.
std::string variableName(std::string_view parent, std::string_view key) {
    std::vector<std::string> words = core::identifierWords(key);
    if (words.size() == 1) {
        std::vector<std::string> parentWords = core::identifierWords(parent);
        words.insert(words.begin(), parentWords.begin(), parentWords.end());
    }
    std::string name;
    for (const std::string& word : words) {
        name += (name.empty() ? "" : "_") + word;
    }
    std::ranges::transform(name, name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return name;
}

bool isLiteralString(const DocNode& node) {
    if (!node.isScalar() || (!node.tag.empty() && node.tag != "!!str")) {
        return false; // !Ref, !Sub, !GetAtt ... are resolved by the platform, not literals
    }
    if (node.quoted) {
        return true;
    }
    static constexpr std::array<std::string_view, 6> booleans = {"true", "false", "yes",
                                                                 "no",   "on",    "off"};
    std::string lower = node.scalar;
    std::ranges::transform(lower, lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::ranges::find(booleans, lower) == booleans.end();
}

// Rasa Pro: `password: {source: secrets_manager.vault, secret_key: db_password}`.
bool isSecretManagerReference(const DocNode& mapping) {
    const DocNode* source = mapping.find("source");
    return source && source->scalar.starts_with("secrets_manager.");
}

// A value and the name that says whether it is a credential.
struct NamedValue {
    std::string name;
    std::string path; // shown in the message
};

// The one entry of a mapping whose credential name is not its own key, if any.
struct RenamedEntry {
    std::string_view key;
    NamedValue target;
};

// `{name: DB_PASSWORD, value: ...}` pairs (Kubernetes env, ECS environment, header lists) and
// CloudFormation NoEcho parameters with a Default.
std::optional<RenamedEntry> renamedEntry(const MappingVisit& visit) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> pairs = {
        {{"name", "value"}, {"Name", "Value"}, {"key", "value"}, {"Key", "Value"}}};
    for (const auto& [nameKey, valueKey] : pairs) {
        const DocNode* name = visit.mapping.find(nameKey);
        if (name && name->isScalar() && visit.mapping.find(valueKey)) {
            const std::string& owner = visit.sequencePath.empty() ? visit.path : visit.sequencePath;
            return RenamedEntry{valueKey, {name->scalar, owner + "[" + name->scalar + "]"}};
        }
    }
    const DocNode* noEcho = visit.mapping.find("NoEcho");
    if (noEcho && noEcho->scalar == "true" && visit.mapping.find("Default")) {
        return RenamedEntry{"Default",
                            {std::string(visit.key), config::joinKeyPath(visit.path, "Default")}};
    }
    return std::nullopt;
}

// "POSTGRES_PASSWORD=S3cret" (a docker-compose environment list item) -> name and value.
std::optional<std::pair<std::string, std::string_view>> splitAssignment(std::string_view item) {
    size_t equals = item.find('=');
    if (equals == 0 || equals == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view name = item.substr(0, equals);
    bool identifier =
        !std::isdigit(static_cast<unsigned char>(name.front())) &&
        std::ranges::all_of(name, [](unsigned char c) { return std::isalnum(c) || c == '_'; });
    if (!identifier) {
        return std::nullopt;
    }
    return std::pair{std::string(name), item.substr(equals + 1)};
}

class SecretInPlaintextCheck : public config::ConfigCheck {
public:
    std::string_view ruleId() const override { return secretInPlaintext; }

    void check(const ConfigFile& file, std::vector<core::Finding>& findings) const override {
        for (const DocNode& document : file.documents) {
            config::forEachMapping(document, [&](const MappingVisit& visit) {
                if (isSecretManagerReference(visit.mapping)) {
                    return false;
                }
                checkEntries(file, visit, findings);
                return true;
            });
        }
    }

private:
    void checkEntries(const ConfigFile& file, const MappingVisit& visit,
                      std::vector<core::Finding>& findings) const {
        std::optional<RenamedEntry> renamed = renamedEntry(visit);
        for (const auto& [key, value] : visit.mapping.entries) {
            NamedValue target =
                renamed && renamed->key == key.scalar
                    ? renamed->target
                    : NamedValue{key.scalar, config::joinKeyPath(visit.path, key.scalar)};
            if (!value.isSequence()) {
                checkValue(file, target, visit.key, value, value.scalar, findings);
                continue;
            }
            for (size_t i = 0; i < value.items.size(); ++i) {
                const DocNode& item = value.items[i];
                NamedValue itemTarget{target.name, target.path + "[" + std::to_string(i) + "]"};
                auto assignment = splitAssignment(item.scalar);
                if (assignment) {
                    itemTarget = {assignment->first, target.path + "[" + assignment->first + "]"};
                }
                checkValue(file, itemTarget, visit.key, item,
                           assignment ? assignment->second : std::string_view(item.scalar),
                           findings);
            }
        }
    }

    void checkValue(const ConfigFile& file, const NamedValue& target, std::string_view parentKey,
                    const DocNode& node, std::string_view literal,
                    std::vector<core::Finding>& findings) const {
        if (!isLiteralString(node)) {
            return;
        }
        const SecretClassifier& classifier = SecretClassifier::instance();
        auto match = classifier.classify(target.name, literal);
        if (!match) {
            return;
        }
        std::string detail = core::maskSecret(literal);
        if (!classifier.credentialKindOfName(target.name)) {
            detail += ", " + match->reason;
        }
        core::Finding finding;
        finding.ruleId = secretInPlaintext;
        finding.message = subject(file) + ": '" + config::printable(target.path) +
                          "' holds a plaintext " + match->kind + " (" + detail + "); " +
                          referenceAdvice(file.platform, variableName(parentKey, target.name));
        finding.location = file.locationOf(node);
        finding.categories = {"credential"};
        findings.push_back(std::move(finding));
    }

    static std::string subject(const ConfigFile& file) {
        bool generic =
            file.platform == Platform::GenericYaml || file.platform == Platform::GenericJson;
        return generic ? file.fileName()
                       : std::string(config::platformName(file.platform)) + " " + file.fileName();
    }
};

core::CheckRegistration<config::ConfigCheck, SecretInPlaintextCheck> registration;

} // namespace

} // namespace privaudit::checks

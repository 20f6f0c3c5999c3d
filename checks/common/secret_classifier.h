#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace privaudit::checks {

// Why a literal is a credential.
struct SecretMatch {
    std::string kind;   // "password", "API key", "Stripe live secret key", ...
    std::string reason; // "assigned to 'dbPassword'", "matches the AWS access key id format"
};

// Decides whether a string literal is a credential, from the name it is bound to (variable,
// field, parameter, config key; may be empty) and the literal itself. The vocabulary, key
// formats and placeholder patterns are data: checks/models/secrets.yaml.
class SecretClassifier {
public:
    static const SecretClassifier& instance();

    std::optional<SecretMatch> classify(std::string_view name, std::string_view value) const;

    // The credential kind a name denotes ("password", "API key", ...), if any.
    std::optional<std::string> credentialKindOfName(std::string_view name) const;

    // Values that are never a real secret: empty, placeholders ("changeme", "<your-key>",
    // "xxxx"), environment or secret-manager references ("${VAR}", "os.environ/VAR").
    bool isPlaceholderOrReference(std::string_view value) const;

    struct Model; // defined in the .cpp, loaded from the embedded secrets model

private:
    SecretClassifier();
    const Model& model_;
};

} // namespace privaudit::checks

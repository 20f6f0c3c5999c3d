// Channel adapters: keys recognized by their format, whatever the variable is called.
#include <string>

namespace channels {

// A copied-in AWS key for the Amazon Connect adapter.
const std::string kConnectKeyId = "AKIAZ7Q4JX2MNB5TR3WK"; // expect: cpp/hardcoded-secret

// Slack's documented example bot token, pasted into code.
const char* slackBot = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"; // expect: cpp/hardcoded-secret

const char* signingKeyPem =
    "-----BEGIN RSA PRIVATE KEY-----\n" // expect: cpp/hardcoded-secret
    "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
    "-----END RSA PRIVATE KEY-----\n";

const char* publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"; // ok: cpp/hardcoded-secret

struct Placeholders {
    std::string password = "changeme";          // ok: cpp/hardcoded-secret
    std::string apiKey = "<your-api-key>";      // ok: cpp/hardcoded-secret
    std::string token = "";                     // ok: cpp/hardcoded-secret
    std::string clientSecret = "xxxxxxxxxxxx";  // ok: cpp/hardcoded-secret
    std::string secretName = "crm-api-credentials"; // ok: cpp/hardcoded-secret
    std::string tokenType = "Bearer";           // ok: cpp/hardcoded-secret
};

} // namespace channels

// Agent desktop sign-in against the PBX: the password comes from the login form, a one-time
// code by SMS, and the CRM's private key from disk.
#include <cstring>
#include <openssl/crypto.h>
#include <string>
#include <utility>
#include <vector>

namespace desktop {

struct LoginForm {
    std::string agentId;
    std::string password;
};

class CredentialVault {
public:
    void keep(const std::string& agentId, std::string secret);
};

bool pbxAuthenticate(const std::string& agentId, const std::string& password);
std::string generateCode(int digits);
std::vector<unsigned char> readPrivateKeyFile(const char* path);
bool signRequest(const std::vector<unsigned char>& key, const std::string& request);
std::size_t readSecret(const char* name, char* out, std::size_t capacity);

bool signIn(const LoginForm& form) {
    std::string password = form.password; // expect: cpp/sensitive-memory-not-cleared
    return pbxAuthenticate(form.agentId, password);
}

bool signInAndWipe(const LoginForm& form) {
    std::string password = form.password; // ok: cpp/sensitive-memory-not-cleared
    bool accepted = pbxAuthenticate(form.agentId, password);
    OPENSSL_cleanse(password.data(), password.size());
    return accepted;
}

void rememberLogin(CredentialVault& vault, const LoginForm& form) {
    std::string password = form.password; // ok: cpp/sensitive-memory-not-cleared
    vault.keep(form.agentId, std::move(password));
}

std::string issueOneTimeCode() {
    std::string otp = generateCode(6); // ok: cpp/sensitive-memory-not-cleared
    return otp;
}

bool signCrmRequest(const std::string& request) {
    std::vector<unsigned char> privateKey = readPrivateKeyFile("/etc/cc/crm-key.pem"); // expect: cpp/sensitive-memory-not-cleared
    return signRequest(privateKey, request);
}

bool signCrmRequestAndWipe(const std::string& request) {
    std::vector<unsigned char> privateKey = readPrivateKeyFile("/etc/cc/crm-key.pem"); // ok: cpp/sensitive-memory-not-cleared
    bool signedOk = signRequest(privateKey, request);
    explicit_bzero(privateKey.data(), privateKey.size());
    return signedOk;
}

bool checkWebhookSecret(const std::string& presented) {
    char* webhookSecret = new char[65]; // expect: cpp/sensitive-memory-not-cleared
    std::size_t length = readSecret("crm-webhook", webhookSecret, 65);
    bool matches = presented.size() == length && presented.compare(0, length, webhookSecret) == 0;
    std::memset(webhookSecret, 0, 65);
    delete[] webhookSecret;
    return matches;
}

bool checkWebhookSecretAndWipe(const std::string& presented) {
    char* webhookSecret = new char[65]; // ok: cpp/sensitive-memory-not-cleared
    std::size_t length = readSecret("crm-webhook", webhookSecret, 65);
    bool matches = presented.size() == length && presented.compare(0, length, webhookSecret) == 0;
    OPENSSL_clear_free(webhookSecret, 65);
    return matches;
}

} // namespace desktop

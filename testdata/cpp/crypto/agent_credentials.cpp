// Agent desktop sign-in and caller PIN checks for the IVR: how credentials are hashed.
#include <cstddef>
#include <functional>
#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#include <sodium.h>
#include <string>

namespace ivr {

std::string toHex(const unsigned char* bytes, std::size_t length);

// The old agent directory kept unsalted MD5 digests; still used to migrate accounts.
std::string legacyPasswordDigest(const std::string& password) {
    unsigned char digest[MD5_DIGEST_LENGTH];
    MD5(reinterpret_cast<const unsigned char*>(password.data()), password.size(), digest); // expect: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

std::string passwordFingerprint(const std::string& agentPassword, const std::string& salt) {
    std::string salted = salt + agentPassword;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(salted.c_str()), salted.size(), digest); // expect: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

// Argon2id with a per-user salt and a memory cost.
std::string hashPassword(const std::string& password) {
    char stored[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(stored, password.c_str(), password.size(), // ok: cpp/weak-crypto
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return {};
    }
    return stored;
}

// PBKDF2 for the PBX's SIP digest store, which cannot take Argon2 yet.
std::string derivePbxSecret(const std::string& password, const unsigned char* salt,
                            std::size_t saltLength) {
    unsigned char derived[32];
    PKCS5_PBKDF2_HMAC(password.data(), int(password.size()), salt, int(saltLength), 600000, // ok: cpp/weak-crypto
                      EVP_sha256(), sizeof derived, derived);
    return toHex(derived, sizeof derived);
}

// Remembers which callers already passed the PIN check during this call.
std::size_t verifiedPinCacheKey(const std::string& callerPin) {
    return std::hash<std::string>{}(callerPin); // expect: cpp/weak-crypto
}

// Feature hashing for the intent classifier: NLP tokens, not credentials.
std::size_t featureBucket(const std::string& token, std::size_t buckets) {
    return std::hash<std::string>{}(token) % buckets; // ok: cpp/weak-crypto
}

// Refresh tokens are random 256-bit values: their SHA-256 is a fine lookup key.
std::string refreshTokenKey(const std::string& refreshToken) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(refreshToken.data()), refreshToken.size(), // ok: cpp/weak-crypto
           digest);
    return toHex(digest, sizeof digest);
}

// ... but not their MD5.
std::string legacyApiKeyIndex(const std::string& crmApiKey) {
    unsigned char digest[MD5_DIGEST_LENGTH];
    MD5(reinterpret_cast<const unsigned char*>(crmApiKey.data()), crmApiKey.size(), digest); // expect: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

} // namespace ivr

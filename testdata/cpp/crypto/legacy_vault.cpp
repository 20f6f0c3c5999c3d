// Card-vault encryption for the IVR payment line. The 2014 format is still read while records
// are migrated to AES-256-GCM.
#include <openssl/evp.h>
#include <string>
#include <vector>

namespace vault {

struct CipherSettings {
    std::string cipherName; // from the deployment's configuration
};

bool encryptRecordV1(EVP_CIPHER_CTX* ctx, const unsigned char* key, const unsigned char* iv) {
    return EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), nullptr, key, iv) == 1; // expect: cpp/weak-crypto
}

bool encryptTokenTable(EVP_CIPHER_CTX* ctx, const unsigned char* key) {
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), nullptr, key, nullptr) == 1; // expect: cpp/weak-crypto
}

bool scrambleReplayCache(EVP_CIPHER_CTX* ctx, const unsigned char* key) {
    return EVP_EncryptInit_ex(ctx, EVP_rc4(), nullptr, key, nullptr) == 1; // expect: cpp/weak-crypto
}

bool encryptRecordV2(EVP_CIPHER_CTX* ctx, const unsigned char* key, const unsigned char* iv) {
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key, iv) == 1; // ok: cpp/weak-crypto
}

const EVP_CIPHER* legacyCipher() {
    return EVP_CIPHER_fetch(nullptr, "DES-EDE3-CBC", "provider=legacy"); // expect: cpp/weak-crypto
}

const EVP_CIPHER* currentCipher() {
    return EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr); // ok: cpp/weak-crypto
}

const EVP_CIPHER* configuredCipher(const CipherSettings& settings) {
    return EVP_get_cipherbyname(settings.cipherName.c_str()); // ok: cpp/weak-crypto
}

const EVP_CIPHER* exportCipher() {
    const char* exportCipherName = "des-cbc";
    return EVP_get_cipherbyname(exportCipherName); // expect: cpp/weak-crypto
}

} // namespace vault

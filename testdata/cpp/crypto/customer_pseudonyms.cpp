// Pseudonymous keys for the analytics export: customers are matched across systems by a hash
// of their contact details.
#include <memory>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#include <sodium.h>
#include <string>

namespace analytics {

struct CustomerContact {
    long id = 0;
    std::string firstName;
    std::string email;
    std::string phone;
};

std::string toHex(const unsigned char* bytes, unsigned length);
std::string normalizePhone(const std::string& number);

std::string emailKey(const CustomerContact& customer) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(customer.email.data()), customer.email.size(), // expect: cpp/weak-crypto
           digest);
    return toHex(digest, sizeof digest);
}

std::string phoneKey(const CustomerContact& customer) {
    std::string e164 = normalizePhone(customer.phone);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
    EVP_DigestUpdate(ctx, e164.data(), e164.size()); // expect: cpp/weak-crypto
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(ctx, digest, &length);
    EVP_MD_CTX_free(ctx);
    return toHex(digest, length);
}

std::string nameKey(const CustomerContact& customer) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                 EVP_MD_CTX_free);
    const EVP_MD* sha = EVP_sha1();
    EVP_DigestInit_ex(ctx.get(), sha, nullptr);
    EVP_DigestUpdate(ctx.get(), customer.firstName.data(), customer.firstName.size()); // expect: cpp/weak-crypto
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    return toHex(digest, length);
}

// Keyed with the export's secret key: a pseudonym nobody can recompute from a guess.
std::string emailPseudonym(const CustomerContact& customer, const std::string& exportKey) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    HMAC(EVP_sha256(), exportKey.data(), int(exportKey.size()), // ok: cpp/weak-crypto
         reinterpret_cast<const unsigned char*>(customer.email.data()), customer.email.size(),
         digest, &length);
    return toHex(digest, length);
}

std::string phonePseudonym(const CustomerContact& customer, const unsigned char* exportKey) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, // ok: cpp/weak-crypto
                       reinterpret_cast<const unsigned char*>(customer.phone.data()),
                       customer.phone.size(), exportKey, crypto_generichash_KEYBYTES);
    return toHex(digest, sizeof digest);
}

std::string phoneBucket(const CustomerContact& customer) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(customer.phone.data()), customer.phone.size(), nullptr, 0); // expect: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

// Content checksums: exported transcripts and knowledge-base pages are deduplicated by MD5.
std::string transcriptChecksum(const std::string& transcript) {
    unsigned char digest[MD5_DIGEST_LENGTH];
    MD5(reinterpret_cast<const unsigned char*>(transcript.data()), transcript.size(), digest); // ok: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

std::string articleCacheKey(const std::string& articleHtml) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_Digest(articleHtml.data(), articleHtml.size(), digest, &length, EVP_md5(), nullptr); // ok: cpp/weak-crypto
    return toHex(digest, length);
}

std::string customerIdKey(const CustomerContact& customer) {
    std::string id = std::to_string(customer.id);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest); // ok: cpp/weak-crypto
    return toHex(digest, sizeof digest);
}

} // namespace analytics

// Stand-in for OpenSSL's <openssl/evp.h> (declarations only).
#pragma once
#include <stddef.h>

#define EVP_MAX_MD_SIZE 64

extern "C" {
typedef struct evp_md_st EVP_MD;
typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct engine_st ENGINE;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;

const EVP_MD* EVP_md5(void);
const EVP_MD* EVP_sha1(void);
const EVP_MD* EVP_sha256(void);
const EVP_MD* EVP_sha512(void);
EVP_MD* EVP_MD_fetch(OSSL_LIB_CTX* ctx, const char* algorithm, const char* properties);
void EVP_MD_free(EVP_MD* md);
EVP_MD_CTX* EVP_MD_CTX_new(void);
void EVP_MD_CTX_free(EVP_MD_CTX* ctx);
int EVP_DigestInit_ex(EVP_MD_CTX* ctx, const EVP_MD* type, ENGINE* impl);
int EVP_DigestUpdate(EVP_MD_CTX* ctx, const void* d, size_t cnt);
int EVP_DigestFinal_ex(EVP_MD_CTX* ctx, unsigned char* md, unsigned int* s);
int EVP_Digest(const void* data, size_t count, unsigned char* md, unsigned int* size,
               const EVP_MD* type, ENGINE* impl);

const EVP_CIPHER* EVP_des_ede3_cbc(void);
const EVP_CIPHER* EVP_des_cbc(void);
const EVP_CIPHER* EVP_rc4(void);
const EVP_CIPHER* EVP_aes_128_ecb(void);
const EVP_CIPHER* EVP_aes_256_ecb(void);
const EVP_CIPHER* EVP_aes_256_cbc(void);
const EVP_CIPHER* EVP_aes_256_gcm(void);
const EVP_CIPHER* EVP_chacha20_poly1305(void);
EVP_CIPHER* EVP_CIPHER_fetch(OSSL_LIB_CTX* ctx, const char* algorithm, const char* properties);
const EVP_CIPHER* EVP_get_cipherbyname(const char* name);
EVP_CIPHER_CTX* EVP_CIPHER_CTX_new(void);
void EVP_CIPHER_CTX_free(EVP_CIPHER_CTX* ctx);
int EVP_EncryptInit_ex(EVP_CIPHER_CTX* ctx, const EVP_CIPHER* cipher, ENGINE* impl,
                       const unsigned char* key, const unsigned char* iv);
int EVP_EncryptUpdate(EVP_CIPHER_CTX* ctx, unsigned char* out, int* outl, const unsigned char* in,
                      int inl);
int EVP_EncryptFinal_ex(EVP_CIPHER_CTX* ctx, unsigned char* out, int* outl);

int PKCS5_PBKDF2_HMAC(const char* pass, int passlen, const unsigned char* salt, int saltlen,
                      int iter, const EVP_MD* digest, int keylen, unsigned char* out);
}

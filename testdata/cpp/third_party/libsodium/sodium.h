// Stand-in for libsodium's <sodium.h> (declarations only).
#pragma once
#include <stddef.h>

#define crypto_pwhash_STRBYTES 128U
#define crypto_pwhash_OPSLIMIT_INTERACTIVE 2ULL
#define crypto_pwhash_MEMLIMIT_INTERACTIVE 67108864U
#define crypto_generichash_BYTES 32U
#define crypto_generichash_KEYBYTES 32U
#define crypto_hash_sha256_BYTES 32U

extern "C" {
int sodium_init(void);
void sodium_memzero(void* pnt, size_t len);
void* sodium_malloc(size_t size);
void sodium_free(void* ptr);
int crypto_pwhash_str(char out[crypto_pwhash_STRBYTES], const char* passwd,
                      unsigned long long passwdlen, unsigned long long opslimit, size_t memlimit);
int crypto_pwhash_str_verify(const char* str, const char* passwd, unsigned long long passwdlen);
int crypto_generichash(unsigned char* out, size_t outlen, const unsigned char* in,
                       unsigned long long inlen, const unsigned char* key, size_t keylen);
int crypto_hash_sha256(unsigned char* out, const unsigned char* in, unsigned long long inlen);
}

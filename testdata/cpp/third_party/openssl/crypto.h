// Stand-in for OpenSSL's <openssl/crypto.h> (declarations only).
#pragma once
#include <stddef.h>

extern "C" {
void OPENSSL_cleanse(void* ptr, size_t len);
void* CRYPTO_malloc(size_t num, const char* file, int line);
void CRYPTO_free(void* ptr, const char* file, int line);
void CRYPTO_clear_free(void* ptr, size_t num, const char* file, int line);
}

#define OPENSSL_malloc(num) CRYPTO_malloc(num, __FILE__, __LINE__)
#define OPENSSL_free(addr) CRYPTO_free(addr, __FILE__, __LINE__)
#define OPENSSL_clear_free(addr, num) CRYPTO_clear_free(addr, num, __FILE__, __LINE__)

// Stand-in for OpenSSL's <openssl/hmac.h> (declarations only).
#pragma once
#include <openssl/evp.h>

extern "C" {
unsigned char* HMAC(const EVP_MD* evp_md, const void* key, int key_len, const unsigned char* d,
                    size_t n, unsigned char* md, unsigned int* md_len);
}

// Stand-in for OpenSSL's <openssl/hmac.h> (https://www.openssl.org, Apache-2.0): the subset of
// its API this service uses, declarations only. Build against the system's OpenSSL instead.
#pragma once
#include "evp.h"

extern "C" {
unsigned char* HMAC(const EVP_MD* evp_md, const void* key, int key_len, const unsigned char* d,
                    size_t n, unsigned char* md, unsigned int* md_len);
}

// Stand-in for OpenSSL's <openssl/evp.h> (https://www.openssl.org, Apache-2.0): the subset of its
// API this service uses, declarations only. Build against the system's OpenSSL instead.
#pragma once
#include <stddef.h>

#define EVP_MAX_MD_SIZE 64

extern "C" {
typedef struct evp_md_st EVP_MD;

const EVP_MD* EVP_sha256(void);
}

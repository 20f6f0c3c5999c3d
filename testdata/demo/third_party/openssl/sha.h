// Stand-in for OpenSSL's <openssl/sha.h> (https://www.openssl.org, Apache-2.0): the subset of its
// API this service uses, declarations only. Build against the system's OpenSSL instead.
#pragma once
#include <stddef.h>

#define SHA256_DIGEST_LENGTH 32

extern "C" {
unsigned char* SHA256(const unsigned char* d, size_t n, unsigned char* md);
}

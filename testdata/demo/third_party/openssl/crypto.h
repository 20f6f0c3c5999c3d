// Stand-in for OpenSSL's <openssl/crypto.h> (https://www.openssl.org, Apache-2.0): the subset of
// its API this service uses, declarations only. Build against the system's OpenSSL instead.
#pragma once
#include <stddef.h>

extern "C" {
void OPENSSL_cleanse(void* ptr, size_t len);
}

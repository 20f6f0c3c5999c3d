// Vendored stand-in for libsodium's <sodium.h> (https://libsodium.org, ISC): the subset of its API
// this service uses, declarations only. Build against the system's libsodium instead.
#pragma once
#include <stddef.h>

#define crypto_box_PUBLICKEYBYTES 32U
#define crypto_box_SEALBYTES 48U
#define sodium_base64_VARIANT_ORIGINAL 1
#define sodium_base64_ENCODED_LEN(BIN_LEN, VARIANT)                                                \
    (((BIN_LEN) / 3U) * 4U +                                                                       \
     ((((BIN_LEN) - ((BIN_LEN) / 3U) * 3U) | (((BIN_LEN) - ((BIN_LEN) / 3U) * 3U) >> 1)) & 1U) *   \
         (4U - (~((((VARIANT) & 2U) >> 1) - 1U) & (3U - ((BIN_LEN) - ((BIN_LEN) / 3U) * 3U)))) +   \
     1U)

extern "C" {
int sodium_init(void);
void sodium_memzero(void* pnt, size_t len);
int sodium_hex2bin(unsigned char* bin, size_t bin_maxlen, const char* hex, size_t hex_len,
                   const char* ignore, size_t* bin_len, const char** hex_end);
char* sodium_bin2base64(char* b64, size_t b64_maxlen, const unsigned char* bin, size_t bin_len,
                        int variant);
int crypto_box_seal(unsigned char* c, const unsigned char* m, unsigned long long mlen,
                    const unsigned char* pk);
}

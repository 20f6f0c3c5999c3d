// Stand-in for OpenSSL's <openssl/sha.h> (declarations only).
#pragma once
#include <stddef.h>

#define SHA_DIGEST_LENGTH 20
#define SHA256_DIGEST_LENGTH 32
#define SHA512_DIGEST_LENGTH 64

extern "C" {
typedef struct SHAstate_st {
    unsigned int h0, h1, h2, h3, h4, Nl, Nh, data[16], num;
} SHA_CTX;
typedef struct SHA256state_st {
    unsigned int h[8], Nl, Nh, data[16], num, md_len;
} SHA256_CTX;
int SHA1_Init(SHA_CTX* c);
int SHA1_Update(SHA_CTX* c, const void* data, size_t len);
int SHA1_Final(unsigned char* md, SHA_CTX* c);
unsigned char* SHA1(const unsigned char* d, size_t n, unsigned char* md);
int SHA256_Init(SHA256_CTX* c);
int SHA256_Update(SHA256_CTX* c, const void* data, size_t len);
int SHA256_Final(unsigned char* md, SHA256_CTX* c);
unsigned char* SHA256(const unsigned char* d, size_t n, unsigned char* md);
unsigned char* SHA512(const unsigned char* d, size_t n, unsigned char* md);
}

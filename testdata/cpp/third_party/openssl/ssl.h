// Stand-in for OpenSSL's <openssl/ssl.h> (declarations only).
#pragma once

#define SSL_VERIFY_NONE 0x00
#define SSL_VERIFY_PEER 0x01
#define SSL_VERIFY_FAIL_IF_NO_PEER_CERT 0x02

extern "C" {
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX* x509_ctx);

const SSL_METHOD* TLS_client_method(void);
const SSL_METHOD* TLS_server_method(void);
SSL_CTX* SSL_CTX_new(const SSL_METHOD* method);
void SSL_CTX_free(SSL_CTX* ctx);
void SSL_CTX_set_verify(SSL_CTX* ctx, int mode, SSL_verify_cb callback);
int SSL_CTX_set_default_verify_paths(SSL_CTX* ctx);
int SSL_CTX_use_certificate_chain_file(SSL_CTX* ctx, const char* file);
SSL* SSL_new(SSL_CTX* ctx);
void SSL_set_verify(SSL* ssl, int mode, SSL_verify_cb callback);
int SSL_set_fd(SSL* ssl, int fd);
int SSL_connect(SSL* ssl);
int SSL_accept(SSL* ssl);
int SSL_write(SSL* ssl, const void* buf, int num);
void SSL_free(SSL* ssl);
}

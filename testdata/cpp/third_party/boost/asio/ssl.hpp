// Stand-in for Boost.Asio's SSL support (declarations only, but for one template).
#pragma once
#include <openssl/ssl.h>
#include <string>

namespace boost::asio::ssl {

typedef int verify_mode;
const int verify_none = SSL_VERIFY_NONE;
const int verify_peer = SSL_VERIFY_PEER;
const int verify_fail_if_no_peer_cert = SSL_VERIFY_FAIL_IF_NO_PEER_CERT;

class verify_context {
public:
    X509_STORE_CTX* native_handle();
};

class context_base {
public:
    enum method { tlsv12_client, tlsv12_server, tlsv13_client, tlsv13_server, tls_client, tls_server };
};

class context : public context_base {
public:
    explicit context(method m);
    void set_verify_mode(verify_mode v);
    // Defined, as in Asio: a lambda's type may not reach a function that is only declared.
    template <typename VerifyCallback> void set_verify_callback(VerifyCallback callback) {
        (void)callback;
    }
    void set_default_verify_paths();
    void use_certificate_chain_file(const std::string& filename);
};

class host_name_verification {
public:
    explicit host_name_verification(const std::string& host);
    bool operator()(bool preverified, verify_context& ctx) const;
};

} // namespace boost::asio::ssl

// TLS clients of the telephony bridge: the carrier's API, the recording archive and the
// wallboard; and the agent desktops' listener, which is a server.
#include <boost/asio/ssl.hpp>
#include <openssl/ssl.h>

namespace telephony {

namespace ssl = boost::asio::ssl;

SSL_CTX* carrierApiContext() {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); // expect: cpp/cleartext-transmission
    return ctx;
}

SSL_CTX* verifiedCarrierApiContext() {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_default_verify_paths(ctx);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr); // ok: cpp/cleartext-transmission
    return ctx;
}

// Agent desktops connect to us; they have no client certificates.
SSL_CTX* desktopListenerContext(const char* chainFile) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    SSL_CTX_use_certificate_chain_file(ctx, chainFile);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); // ok: cpp/cleartext-transmission
    return ctx;
}

static int acceptAnyCertificate(int, X509_STORE_CTX*) {
    return 1;
}

SSL_CTX* stagingCarrierContext() {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAnyCertificate); // expect: cpp/cleartext-transmission
    return ctx;
}

void configureRecordingUpload(ssl::context& ctx) {
    ctx.set_verify_mode(ssl::verify_none); // expect: cpp/cleartext-transmission
}

void configureVerifiedRecordingUpload(ssl::context& ctx) {
    ctx.set_default_verify_paths();
    ctx.set_verify_mode(ssl::verify_peer); // ok: cpp/cleartext-transmission
    ctx.set_verify_callback(ssl::host_name_verification("recordings.contoso-support.example")); // ok: cpp/cleartext-transmission
}

void configureWallboardClient(ssl::context& ctx) {
    ctx.set_verify_mode(ssl::verify_peer);
    ctx.set_verify_callback([](bool, ssl::verify_context&) { return true; }); // expect: cpp/cleartext-transmission
}

void configureMetricsServer(ssl::context& ctx) {
    ctx.use_certificate_chain_file("/etc/cc/metrics.pem");
    ctx.set_verify_mode(ssl::verify_none); // ok: cpp/cleartext-transmission
}

} // namespace telephony

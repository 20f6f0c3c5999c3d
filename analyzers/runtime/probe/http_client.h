#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// The probe's HTTP client (cpp-httplib underneath): one POST per connection, so that a burst's
// messages travel on separate connections at the same time, with one time limit for
// connecting, sending and reading. http:// and https:// (OpenSSL, the system's CA store unless
// a CA file is given).
namespace privaudit::runtime::probe {

struct HttpUrl {
    std::string scheme = "http"; // "http" or "https"
    std::string host;            // without brackets for IPv6
    int port = 80;
    std::string path = "/";

    // "http://host:port/path", brackets around an IPv6 host.
    std::string text() const;
};

// Parses "http[s]://host[:port][/path]"; nullopt for anything else.
std::optional<HttpUrl> parseHttpUrl(const std::string& url);

struct HttpResponse {
    int status = 0;
    std::string body;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// `headers` with each of `replacements` in place of the headers of its name (compared without
// regard to case), or added when there is none.
HttpHeaders replacedHeaders(HttpHeaders headers, const HttpHeaders& replacements);

struct HttpSettings {
    std::chrono::milliseconds timeout{10000}; // for connecting, sending and reading each
    std::string caFile;                       // https: trust these CAs instead of the system's
};

// Sends a POST with a JSON body and the extra headers and reads the whole response. Throws
// std::runtime_error naming what failed: no connection, no reply within the timeout, the
// connection closed before a complete reply, a TLS problem.
HttpResponse postJson(const HttpUrl& url, const std::string& body, const HttpHeaders& headers,
                      const HttpSettings& settings);

} // namespace privaudit::runtime::probe

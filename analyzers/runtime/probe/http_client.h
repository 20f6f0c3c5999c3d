#pragma once

#include <chrono>
#include <optional>
#include <string>

// A minimal HTTP/1.1 client for the probe: one POST per connection, plain http:// only.
namespace privaudit::runtime::probe {

struct HttpUrl {
    std::string host;
    std::string port = "80";
    std::string path = "/";
};

// Parses "http://host[:port][/path]"; nullopt for anything else (https is not supported yet).
std::optional<HttpUrl> parseHttpUrl(const std::string& url);

struct HttpResponse {
    int status = 0;
    std::string body;
};

// Sends a POST with a JSON body and reads the whole response (Content-Length, chunked, or
// until the server closes). Throws std::runtime_error naming what failed.
HttpResponse postJson(const HttpUrl& url, const std::string& body,
                      std::chrono::milliseconds timeout);

} // namespace privaudit::runtime::probe

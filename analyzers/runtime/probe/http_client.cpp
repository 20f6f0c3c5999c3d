#include "analyzers/runtime/probe/http_client.h"

#include "analyzers/runtime/probe/json_reply.h"

#include <algorithm>
#include <charconv>
#include <httplib.h>
#include <stdexcept>

namespace privaudit::runtime::probe {

namespace {

std::string failure(const HttpUrl& url, httplib::Error error, std::chrono::milliseconds waited,
                    std::chrono::milliseconds timeout) {
    std::string where = url.host + ":" + std::to_string(url.port);
    switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::ConnectionTimeout:
        return "cannot connect to " + where;
    case httplib::Error::Read:
        // cpp-httplib says Read both when the time ran out and when the peer hung up.
        return waited + std::chrono::milliseconds(50) >= timeout
                   ? "no reply from " + where + " within " + durationText(timeout)
                   : "the connection to " + where +
                         " closed before a complete reply (did the target crash?)";
    case httplib::Error::Write:
        return "cannot send to " + where + " (connection closed or no progress within " +
               durationText(timeout) + ")";
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLServerVerification:
    case httplib::Error::SSLLoadingCerts:
        return "TLS with " + where + " failed: " + httplib::to_string(error);
    default:
        return "HTTP to " + where + " failed: " + httplib::to_string(error);
    }
}

} // namespace

std::string HttpUrl::text() const {
    std::string shownHost = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + ":" + std::to_string(port) + path;
}

std::optional<HttpUrl> parseHttpUrl(const std::string& url) {
    HttpUrl parsed;
    size_t schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos) {
        return std::nullopt;
    }
    parsed.scheme = url.substr(0, schemeEnd);
    if (parsed.scheme != "http" && parsed.scheme != "https") {
        return std::nullopt;
    }
    parsed.port = parsed.scheme == "https" ? 443 : 80;
    std::string rest = url.substr(schemeEnd + 3);
    size_t slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    parsed.path = slash == std::string::npos ? "/" : rest.substr(slash);
    size_t colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
        std::string port = authority.substr(colon + 1);
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), parsed.port);
        if (port.empty() || ec != std::errc() || end != port.data() + port.size() ||
            parsed.port < 1 || parsed.port > 65535) {
            return std::nullopt;
        }
        authority = authority.substr(0, colon);
    }
    if (authority.size() > 1 && authority.front() == '[' && authority.back() == ']') {
        authority = authority.substr(1, authority.size() - 2);
    }
    parsed.host = authority;
    if (parsed.host.empty() || parsed.host.find_first_of("/?#@ ") != std::string::npos) {
        return std::nullopt;
    }
    return parsed;
}

HttpResponse postJson(const HttpUrl& url, const std::string& body, const HttpHeaders& headers,
                      const HttpSettings& settings) {
    std::string origin = url.text().substr(0, url.text().size() - url.path.size());
    httplib::Client client(origin);
    if (!client.is_valid()) {
        throw std::runtime_error("cannot set up a client for " + origin);
    }
    client.set_keep_alive(false);
    client.set_connection_timeout(settings.timeout);
    client.set_read_timeout(settings.timeout);
    client.set_write_timeout(settings.timeout);
    if (!settings.caFile.empty()) {
        client.set_ca_cert_path(settings.caFile);
    }
    httplib::Headers requestHeaders = {{"Accept", "application/json"}};
    for (const auto& [name, value] : headers) {
        requestHeaders.emplace(name, value);
    }
    auto started = std::chrono::steady_clock::now();
    httplib::Result result = client.Post(url.path, requestHeaders, body, "application/json");
    if (!result) {
        auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        throw std::runtime_error(failure(url, result.error(), waited, settings.timeout));
    }
    return {result->status, result->body};
}

HttpHeaders replacedHeaders(HttpHeaders headers, const HttpHeaders& replacements) {
    auto lower = [](std::string text) {
        std::ranges::transform(text, text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    for (const auto& [name, value] : replacements) {
        std::erase_if(headers,
                      [&](const auto& header) { return lower(header.first) == lower(name); });
    }
    headers.insert(headers.end(), replacements.begin(), replacements.end());
    return headers;
}

} // namespace privaudit::runtime::probe

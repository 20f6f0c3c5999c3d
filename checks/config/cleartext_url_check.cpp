// config/cleartext-endpoint: webhooks, action servers, model endpoints and other services of a
// bot configured with a plain http:// or ws:// URL on a network host.

#include "analyzers/config/config_check.h"
#include "analyzers/config/tree_walk.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace privaudit::checks {

namespace {

using config::ConfigFile;
using config::MappingVisit;
using config::Platform;
using core::DocNode;

constexpr std::string_view cleartextEndpoint = "config/cleartext-endpoint";

std::string lowercase(std::string_view text) {
    std::string result(text);
    std::ranges::transform(result, result.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

// Keys that hold where the bot sends data: url, uri, webhook_url, api_base, BotEndpoint, ...
bool isEndpointKey(std::string_view key) {
    static constexpr std::array<std::string_view, 8> lastWords = {
        "url", "uri", "endpoint", "base", "host", "webhook", "server", "address"};
    std::vector<std::string> words = core::identifierWords(key);
    return !words.empty() && std::ranges::find(lastWords, words.back()) != lastWords.end();
}

bool isIpv4(std::string_view host) {
    return !host.empty() &&
           std::ranges::all_of(host, [](unsigned char c) { return std::isdigit(c) || c == '.'; });
}

// Hosts whose traffic does not cross a network a third party shares: loopback, the container
// host, single-label service names of one compose or pod network, reserved example domains.
bool isLocalOrPlaceholderHost(const std::string& host) {
    static constexpr std::array<std::string_view, 7> reservedSuffixes = {
        ".localhost", ".example", ".test", ".invalid", "example.com", "example.org", "example.net"};
    if (host.empty() || host == "localhost" || host == "0.0.0.0" || host == "::1" ||
        host == "[::1]" || host == "host.docker.internal" || host.starts_with("127.")) {
        return true;
    }
    if (host.find_first_of("${}<>%") != std::string::npos) {
        return true; // ${HOST}, {{ host }}, <your-host>
    }
    if (host.find('.') == std::string::npos && !host.starts_with('[')) {
        return true;
    }
    return !isIpv4(host) && std::ranges::any_of(reservedSuffixes, [&](std::string_view suffix) {
        return host.ends_with(suffix);
    });
}

struct CleartextUrl {
    std::string scheme; // "http" or "ws"
    std::string host;
};

std::optional<CleartextUrl> cleartextUrl(std::string_view value) {
    std::string lower = lowercase(value.substr(0, std::min<size_t>(value.size(), 512)));
    for (std::string_view scheme : {"http", "ws"}) {
        std::string prefix = std::string(scheme) + "://";
        if (!lower.starts_with(prefix)) {
            continue;
        }
        std::string authority = lower.substr(prefix.size());
        authority = authority.substr(0, authority.find_first_of("/?#"));
        if (size_t at = authority.rfind('@'); at != std::string::npos) {
            authority.erase(0, at + 1);
        }
        std::string host = authority.starts_with('[') ? authority.substr(0, authority.find(']') + 1)
                                                      : authority.substr(0, authority.find(':'));
        if (isLocalOrPlaceholderHost(host)) {
            return std::nullopt;
        }
        return CleartextUrl{std::string(scheme), host};
    }
    return std::nullopt;
}

bool isBotPlatform(Platform platform) {
    switch (platform) {
    case Platform::Rasa:
    case Platform::DialogflowCx:
    case Platform::DialogflowEs:
    case Platform::AmazonLexV2:
    case Platform::AmazonConnect:
    case Platform::BotFramework:
    case Platform::Botpress:
    case Platform::GenesysArchitect:
    case Platform::LiteLlm:
        return true;
    default:
        return false;
    }
}

class CleartextUrlCheck : public config::ConfigCheck {
public:
    std::string_view ruleId() const override { return cleartextEndpoint; }

    void check(const ConfigFile& file, std::vector<core::Finding>& findings) const override {
        if (!isBotPlatform(file.platform)) {
            return;
        }
        for (const DocNode& document : file.documents) {
            config::forEachMapping(document, [&](const MappingVisit& visit) {
                for (const auto& [key, value] : visit.mapping.entries) {
                    if (value.isScalar() && isEndpointKey(key.scalar)) {
                        report(file, config::joinKeyPath(visit.path, key.scalar), value, findings);
                    }
                }
                return true;
            });
        }
    }

private:
    static void report(const ConfigFile& file, const std::string& path, const DocNode& value,
                       std::vector<core::Finding>& findings) {
        std::optional<CleartextUrl> url = cleartextUrl(value.scalar);
        if (!url) {
            return;
        }
        std::string secure = url->scheme == "ws" ? "wss://" : "https://";
        core::Finding finding;
        finding.ruleId = cleartextEndpoint;
        finding.message = std::string(config::platformName(file.platform)) + " " + file.fileName() +
                          ": '" + config::printable(path) + "' sends conversation data to " +
                          url->scheme + "://" + config::printable(url->host) +
                          " without TLS, readable and changeable on the way; use " + secure;
        finding.location = file.locationOf(value);
        finding.categories = {"transcript"};
        findings.push_back(std::move(finding));
    }
};

core::CheckRegistration<config::ConfigCheck, CleartextUrlCheck> registration;

} // namespace

} // namespace privaudit::checks

#include "cli/probe_adapter.h"

#include "analyzers/runtime/probe/http_json_adapter.h"
#include "analyzers/runtime/probe/jsonl_adapter.h"
#include "analyzers/runtime/probe/rasa_rest_adapter.h"

namespace privaudit::cli {

namespace probe = runtime::probe;

namespace {

constexpr const char* rasaWebhookPath = "/webhooks/rest/webhook";

} // namespace

ProbeTarget connectProbeTarget(const ProbeOptions& options, std::string& error) {
    std::chrono::milliseconds timeout = std::chrono::seconds(options.timeoutSeconds);
    if (options.adapter == "jsonl") {
        return {std::make_unique<probe::JsonLinesAdapter>(options.command, options.replyPointers,
                                                          timeout),
                "command:" + options.command};
    }
    auto url = probe::parseHttpUrl(options.target);
    if (!url) {
        error = "--target must be an http:// or https:// URL, not '" + options.target + "'";
        return {};
    }
    probe::HttpSettings http{timeout, options.caFile};
    if (options.adapter == "http-json") {
        probe::HttpJsonSettings json{.replyPointers = options.replyPointers,
                                     .sessionPointer = options.sessionPointer};
        if (options.requestTemplate) {
            json.requestTemplate = *options.requestTemplate;
        }
        return {std::make_unique<probe::HttpJsonAdapter>(*url, options.headers, http, json),
                url->text()};
    }
    if (url->path == "/") {
        url->path = rasaWebhookPath;
    }
    return {std::make_unique<probe::RasaRestAdapter>(*url, options.headers, http), url->text()};
}

} // namespace privaudit::cli

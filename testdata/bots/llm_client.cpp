#include "llm_client.h"

#include <cstdlib>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace privaudit::bots {

std::string llmUrl(const std::string& option) {
    const char* mock = std::getenv("PRIVAUDIT_MOCK_LLM_URL");
    return !option.empty() ? option : (mock ? mock : "");
}

std::string askLlm(const std::string& baseUrl, const std::string& prompt) {
    size_t slash = baseUrl.find('/', baseUrl.find("//") + 2);
    std::string origin = baseUrl.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : baseUrl.substr(slash);
    httplib::Client client(origin);
    nlohmann::json request = {
        {"model", "gpt-4o-mini"},
        {"messages",
         {{{"role", "system"}, {"content", "You are the support assistant of a shop."}},
          {{"role", "user"}, {"content", prompt}}}}};
    auto reply = client.Post(path + "/chat/completions", request.dump(), "application/json");
    if (!reply || reply->status != 200) {
        return {};
    }
    auto completion = nlohmann::json::parse(reply->body, nullptr, false);
    if (completion.is_discarded()) {
        return {};
    }
    return completion.value("/choices/0/message/content"_json_pointer, std::string());
}

} // namespace privaudit::bots

// Pushes ticket status changes from the bot to the CRM, survey scores to the QA service and
// events to the local metrics sidecar.
#include <curl/curl.h>
#include <string>

namespace support {

struct CrmSettings {
    bool verifyTls = true;
};

static const std::string kSurveyBase = "http://survey.contoso-support.example";

void pushTicketStatus(CURL* curl, long ticketNumber, const std::string& status) {
    std::string body =
        "{\"ticket\":" + std::to_string(ticketNumber) + ",\"status\":\"" + status + "\"}";
    curl_easy_setopt(curl, CURLOPT_URL, "http://crm.contoso-support.example/api/tickets"); // expect: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(curl);
}

void pushTicketStatusTls(CURL* curl, long ticketNumber, const std::string& status) {
    std::string body =
        "{\"ticket\":" + std::to_string(ticketNumber) + ",\"status\":\"" + status + "\"}";
    curl_easy_setopt(curl, CURLOPT_URL, "https://crm.contoso-support.example/api/tickets"); // ok: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(curl);
}

void submitSurveyScore(CURL* curl, int score) {
    std::string url = kSurveyBase + "/v1/responses";
    std::string body = "{\"score\":" + std::to_string(score) + "}";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str()); // expect: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, body.c_str());
    curl_easy_perform(curl);
}

void reportToSidecar(CURL* curl, const std::string& event) {
    curl_easy_setopt(curl, CURLOPT_URL, "http://127.0.0.1:9901/events"); // ok: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, event.c_str());
    curl_easy_perform(curl);
}

// A GET without a body: the wallboard's public queue statistics.
void fetchQueueStats(CURL* curl) {
    curl_easy_setopt(curl, CURLOPT_URL, "http://wallboard.contoso-support.example/stats"); // ok: cpp/cleartext-transmission
    curl_easy_perform(curl);
}

// The legacy CRM's certificate expired in 2023 ...
void connectLegacyCrm(CURL* curl) {
    curl_easy_setopt(curl, CURLOPT_URL, "https://legacy-crm.contoso-support.example/api");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L); // expect: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L); // expect: cpp/cleartext-transmission
}

void connectCrm(CURL* curl, const CrmSettings& settings) {
    curl_easy_setopt(curl, CURLOPT_URL, "https://crm.contoso-support.example/api");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L); // ok: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L); // ok: cpp/cleartext-transmission
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, settings.verifyTls ? 1L : 0L); // ok: cpp/cleartext-transmission
}

} // namespace support

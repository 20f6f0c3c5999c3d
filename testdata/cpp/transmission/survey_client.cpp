// Post-call survey: after the call the IVR asks the caller three questions and the bot sends
// the answers to the survey vendor, to the QA team's scoring service and to the analytics agent
// on the same host. The vendor's staging environment runs a self-signed certificate.
#include <httplib/httplib.h>
#include <string>

namespace survey {

struct SurveyAnswers {
    std::string callId;
    int satisfaction = 0; // 1 to 5
    bool resolved = false;
    std::string comment; // the caller's own words, transcribed
};

static std::string toJson(const SurveyAnswers& answers) {
    return "{\"call\":\"" + answers.callId +
           "\",\"satisfaction\":" + std::to_string(answers.satisfaction) +
           ",\"resolved\":" + (answers.resolved ? "true" : "false") + ",\"comment\":\"" +
           answers.comment + "\"}";
}

bool submitToVendor(const SurveyAnswers& answers) {
    httplib::Client vendor("http://surveys.feedbackhub.example"); // expect: cpp/cleartext-transmission
    return static_cast<bool>(vendor.Post("/v2/responses", toJson(answers), "application/json"));
}

// cpp-httplib speaks plain HTTP to a host given without a scheme.
bool submitToQaScoring(const SurveyAnswers& answers) {
    httplib::Client qa("qa-scoring.contoso-support.example", 8080); // expect: cpp/cleartext-transmission
    return static_cast<bool>(qa.Post("/scores", toJson(answers), "application/json"));
}

bool submitToVendorTls(const SurveyAnswers& answers) {
    httplib::Client vendor("https://surveys.feedbackhub.example"); // ok: cpp/cleartext-transmission
    return static_cast<bool>(vendor.Post("/v2/responses", toJson(answers), "application/json"));
}

// Only downloads the questionnaire, which is the same for every caller.
bool fetchQuestionnaire() {
    httplib::Client vendor("http://surveys.feedbackhub.example"); // ok: cpp/cleartext-transmission
    return static_cast<bool>(vendor.Get("/v2/questionnaires/post-call"));
}

bool reportToAnalyticsAgent(const SurveyAnswers& answers) {
    httplib::Client agent("http://localhost:8125"); // ok: cpp/cleartext-transmission
    return static_cast<bool>(agent.Post("/events/survey", toJson(answers), "application/json"));
}

// Staging has a self-signed certificate ...
bool submitToVendorStaging(const SurveyAnswers& answers) {
    httplib::SSLClient staging("staging.surveys.feedbackhub.example"); // ok: cpp/cleartext-transmission
    staging.enable_server_certificate_verification(false); // expect: cpp/cleartext-transmission
    return static_cast<bool>(staging.Post("/v2/responses", toJson(answers), "application/json"));
}

// ... the right fix is to trust the CA that signed it.
bool submitToVendorStagingVerified(const SurveyAnswers& answers) {
    httplib::SSLClient staging("staging.surveys.feedbackhub.example"); // ok: cpp/cleartext-transmission
    staging.set_ca_cert_path("/etc/contact-center/ca/feedbackhub-staging.pem");
    staging.enable_server_certificate_verification(true); // ok: cpp/cleartext-transmission
    return static_cast<bool>(staging.Post("/v2/responses", toJson(answers), "application/json"));
}

} // namespace survey

namespace survey {

void sendFromScript(const std::string& json) {
    auto vendor = httplib::Client("http://survey-vendor.example.org"); // expect: cpp/cleartext-transmission
    vendor.Post("/v1/answers", json, "application/json");
}

} // namespace survey

// CRM connector of a support chatbot: looks up the caller's customer record.
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

namespace crm {

struct ConnectorOptions {
    std::string baseUrl = "https://crm.internal.example/api/v2"; // ok: cpp/hardcoded-secret
    std::string apiKey = "crm-7f3a9c2e41d84b6fa0e5";             // expect: cpp/hardcoded-secret
    std::string apiKeyHeader = "X-Api-Key";                      // ok: cpp/hardcoded-secret
    int passwordMinLength = 12;
};

class Connector {
public:
    Connector() : serviceAccountPassword_("Tr0ub4dor&3-prod") {} // expect: cpp/hardcoded-secret

    explicit Connector(std::string password) : serviceAccountPassword_(std::move(password)) {}

    void login(const std::string& user, const std::string& password);
    void setAccessToken(const std::string& token) { accessToken_ = token; }

private:
    std::string serviceAccountPassword_;
    std::string accessToken_;
};

static const char* kDatabaseUrl =
    "postgresql://crm_bot:Sup3r-S3cret-2026@db.internal:5432/crm"; // expect: cpp/hardcoded-secret

static const char* kReportingDsn =
    "Server=reports.internal;Database=cc;User Id=bot;Password=Qx7#mR2!vL;"; // expect: cpp/hardcoded-secret

static const char* kReplicaDsn = "Server=replica.internal;User Id=bot;Password=${REPLICA_PASSWORD};"; // ok: cpp/hardcoded-secret

Connector makeFromEnvironment() {
    const char* password = std::getenv("CRM_SERVICE_PASSWORD"); // ok: cpp/hardcoded-secret
    if (password == nullptr) {
        throw std::runtime_error("CRM_SERVICE_PASSWORD is not set");
    }
    return Connector(password);
}

void configure(Connector& connector, std::map<std::string, std::string>& headers) {
    connector.login("chatbot", "Winter-2026-helpdesk"); // expect: cpp/hardcoded-secret
    connector.setAccessToken("a91c4e0b7d2f4c18be55");   // expect: cpp/hardcoded-secret
    headers["Authorization-Token"] = "9d8e7f6a5b4c3d2e";  // expect: cpp/hardcoded-secret
    headers["Accept"] = "application/json";              // ok: cpp/hardcoded-secret
    headers.emplace("X-Api-Key", "k-55c1f0e29a7b4d03");  // expect: cpp/hardcoded-secret
}

std::string passwordPrompt() {
    return "Please enter the password you chose at sign-up"; // ok: cpp/hardcoded-secret
}

std::string webhookSecret() {
    return "whsec-2b7e1516-28ae-d2a6"; // expect: cpp/hardcoded-secret
}

} // namespace crm

namespace crm {

struct DbConfig {
    std::string host;
    std::string user;
    std::string password;
};

const DbConfig kPrimary{.host = "pg.internal", .user = "bot", .password = "Pg-2026-rotate!"}; // expect: cpp/hardcoded-secret
const DbConfig kReplica{"pg-replica.internal", "bot", "Pg-replica-7781"}; // expect: cpp/hardcoded-secret

std::string crmApiKey() {
    const char* fromEnv = std::getenv("CRM_API_KEY");
    return fromEnv ? fromEnv : "crm-0b1c2d3e4f5a6978"; // expect: cpp/hardcoded-secret
}

void setHeader(const std::string& name, const std::string& value);

void authorize() {
    setHeader("Authorization", "Bearer 4f1e2d3c4b5a69788796a5b4"); // expect: cpp/hardcoded-secret
    setHeader("Authorization", "Bearer ${CRM_TOKEN}");           // ok: cpp/hardcoded-secret
    setHeader("Content-Type", "application/json");               // ok: cpp/hardcoded-secret
}

const char* kLibpqConninfo = "host=pg.internal user=bot password=Lq-9917-secret dbname=crm"; // expect: cpp/hardcoded-secret
const char* kLibpqFromEnv = "host=pg.internal user=bot dbname=crm"; // ok: cpp/hardcoded-secret
const char* kStagingUrl = "postgres://bot:Tr0ub4dor&3@pg.example-corp.net/crm"; // expect: cpp/hardcoded-secret
const char* kSessionTokenCookie = "sid"; // ok: cpp/hardcoded-secret

} // namespace crm

namespace crm {

void openSession(const std::string& host, const std::string& user, const std::string& password);

void connectReporting() {
    const char* fallback = "Rpt-2026-replica!"; // expect: cpp/hardcoded-secret
    std::string account = "reporting";           // ok: cpp/hardcoded-secret
    openSession("reports.internal", account, fallback);
    const char* greeting = "Welcome back";       // ok: cpp/hardcoded-secret
    openSession("reports.internal", greeting, "${REPORTS_PASSWORD}"); // ok: cpp/hardcoded-secret
}

} // namespace crm

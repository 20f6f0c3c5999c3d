#include "support/config.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace support {

namespace {

std::string env_or(const char* name, std::string fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

std::string require_env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error(std::string(name) + " is not set");
    }
    return value;
}

// Used when DATABASE_URL is unset, so that the service starts on a laptop with the VPN up.
constexpr char kStagingDatabaseUrl[] =
    "postgres://bot:Stg-Pg-2024!@pg-staging:5432/support"; // expect: cpp/hardcoded-secret

} // namespace

Config load_config() {
    Config config;
    config.listen_port = std::stoi(env_or("PORT", "5055"));
    config.action_token = require_env("ACTION_ENDPOINT_TOKEN"); // ok: cpp/hardcoded-secret

    config.crm_base_url = env_or("CRM_BASE_URL", "https://crm.northwind.internal");
    config.orders_base_url = env_or("ORDERS_BASE_URL", "https://orders.northwind.internal");

    config.llm_base_url = env_or("LLM_BASE_URL", "http://litellm:4000");
    config.llm_api_key = env_or("LITELLM_API_KEY", ""); // ok: cpp/hardcoded-secret
    config.llm_model = env_or("LLM_MODEL", "support-assistant");

    config.psp_api_key = require_env("PSP_API_KEY"); // ok: cpp/hardcoded-secret
    config.psp_vault_public_key = require_env("PSP_VAULT_PUBLIC_KEY");

    config.database_url = env_or("DATABASE_URL", kStagingDatabaseUrl);
    config.redis_host = env_or("REDIS_HOST", config.redis_host);
    config.redis_port = std::stoi(env_or("REDIS_PORT", "6379"));

    config.transcript_dir = env_or("TRANSCRIPT_DIR", "/var/lib/support-backend/transcripts");
    config.transcript_index_key = require_env("TRANSCRIPT_INDEX_KEY"); // ok: cpp/hardcoded-secret
    config.session_idle_timeout =
        std::chrono::minutes(std::stoi(env_or("SESSION_IDLE_MINUTES", "30")));
    config.debug = env_or("LOG_LEVEL", "info") == "debug";
    return config;
}

} // namespace support

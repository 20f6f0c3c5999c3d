// Run-time configuration, read from the environment (see deploy/.env.example in the ops repo).
#pragma once

#include <chrono>
#include <string>

namespace support {

struct Config {
    std::string listen_host = "0.0.0.0";
    int listen_port = 5055;

    // Rasa sends this as ?token=... (action_endpoint.token in bot/endpoints.yml).
    std::string action_token;

    std::string crm_base_url;
    std::string orders_base_url;

    // OpenAI-compatible endpoint of the LiteLLM proxy (llm/litellm_config.yaml).
    std::string llm_base_url;
    std::string llm_api_key;
    std::string llm_model;

    // The payment provider: API key, and the public key of its card vault (hex).
    std::string psp_api_key;
    std::string psp_vault_public_key;

    std::string database_url;
    std::string redis_host = "127.0.0.1";
    int redis_port = 6379;
    std::string transcript_dir;
    // Key of the pseudonyms that name the transcript index files.
    std::string transcript_index_key;
    std::chrono::minutes session_idle_timeout{30};
    bool debug = false;
};

// Reads the configuration; throws std::runtime_error if a required variable is missing.
Config load_config();

} // namespace support

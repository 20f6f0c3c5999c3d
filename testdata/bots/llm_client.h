#pragma once

// How the fixture bots call their LLM: an OpenAI-compatible chat completion (the live probe's
// --mock-llm in the tests).

#include <string>

namespace privaudit::bots {

// The LLM's base URL: `option` (--llm URL) when given, else the probe's mock LLM when the probe
// started this bot (PRIVAUDIT_MOCK_LLM_URL), else "" (no LLM). Never OPENAI_BASE_URL: a test
// must not send canaries to a real provider a developer happens to have configured.
std::string llmUrl(const std::string& option);

// The assistant's answer to `prompt` from the API at `baseUrl` ("http://HOST:PORT/v1"), or ""
// when there is no usable answer.
std::string askLlm(const std::string& baseUrl, const std::string& prompt);

} // namespace privaudit::bots

#pragma once

// How the fixture bots call their LLM: an OpenAI-compatible chat completion (the live probe's
// --mock-llm in the tests).

#include <string>

namespace privaudit::bots {

// The assistant's answer to `prompt` from the API at `baseUrl` ("http://HOST:PORT/v1"), or ""
// when there is no usable answer.
std::string askLlm(const std::string& baseUrl, const std::string& prompt);

} // namespace privaudit::bots

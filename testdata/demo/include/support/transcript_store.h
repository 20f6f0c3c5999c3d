// Keeps every conversation on disk so that agents and QA can read it back.
#pragma once

#include "support/customer.h"

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

namespace support {

class TranscriptStore {
public:
    explicit TranscriptStore(std::filesystem::path directory);

    void append(const std::string& session_id, const std::string& speaker, const std::string& text);
    // Records who the customer turned out to be, for the agent who picks up the conversation.
    void attach_customer(const std::string& session_id, const Customer& customer);
    std::optional<std::string> load(const std::string& session_id) const;

private:
    std::filesystem::path path_for(const std::string& session_id) const;

    std::filesystem::path directory_;
    mutable std::mutex mutex_;
};

} // namespace support

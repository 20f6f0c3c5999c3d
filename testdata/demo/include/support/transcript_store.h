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
    // `index_key` keys the pseudonyms of the e-mail addresses that name the index files.
    TranscriptStore(std::filesystem::path directory, std::string index_key);

    void append(const std::string& session_id, const std::string& speaker, const std::string& text);
    // Records who the customer turned out to be, for the agent who picks up the conversation,
    // and adds the conversation to the customer's index, where the agent desk finds a
    // customer's earlier conversations by the e-mail address they write from.
    void attach_customer(const std::string& session_id, const Customer& customer);
    std::optional<std::string> load(const std::string& session_id) const;

private:
    std::filesystem::path path_for(const std::string& session_id) const;
    std::string index_name(const std::string& email) const;

    std::filesystem::path directory_;
    std::string index_key_;
    mutable std::mutex mutex_;
};

} // namespace support

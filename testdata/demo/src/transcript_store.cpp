#include "support/transcript_store.h"

#include <cctype>
#include <ctime>
#include <fstream>
#include <sstream>

namespace support {

namespace {

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// Sender ids come from the channels; keep only characters that are safe in a file name.
std::string file_name_for(const std::string& session_id) {
    std::string name;
    for (char c : session_id) {
        bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        name += safe ? c : '_';
    }
    return name + ".log";
}

} // namespace

TranscriptStore::TranscriptStore(std::filesystem::path directory)
    : directory_(std::move(directory)) {
    std::filesystem::create_directories(directory_);
}

void TranscriptStore::append(const std::string& session_id, const std::string& speaker,
                             const std::string& text) {
    std::lock_guard lock(mutex_);
    std::ofstream out(path_for(session_id), std::ios::app);
    out << utc_timestamp() << '\t' << speaker << '\t' << text << '\n';
}

void TranscriptStore::attach_customer(const std::string& session_id, const Customer& customer) {
    std::lock_guard lock(mutex_);
    std::ofstream out(path_for(session_id), std::ios::app);
    out << utc_timestamp() << "\tcustomer\t" << customer.id << ' ' << customer.full_name << " <" // expect: cpp/cleartext-storage
        << customer.email << "> " << customer.phone << '\n';
}

std::optional<std::string> TranscriptStore::load(const std::string& session_id) const {
    std::lock_guard lock(mutex_);
    std::ifstream in(path_for(session_id));
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path TranscriptStore::path_for(const std::string& session_id) const {
    return directory_ / file_name_for(session_id);
}

} // namespace support

#include "support/transcript_store.h"

#include "support/crypto.h"

#include <cctype>
#include <ctime>
#include <fstream>
#include <initializer_list>
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

std::string to_hex(const unsigned char* bytes, std::size_t length) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (std::size_t i = 0; i < length; ++i) {
        hex += kDigits[bytes[i] >> 4];
        hex += kDigits[bytes[i] & 0xf];
    }
    return hex;
}

// Index names of agent desk 1.x, which reads only these until DESK-412 ships.
std::string legacy_index_name(const std::string& email) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(email.data()), email.size(), digest); // expect: cpp/weak-crypto
    return to_hex(digest, sizeof digest) + ".idx";
}

} // namespace

TranscriptStore::TranscriptStore(std::filesystem::path directory, std::string index_key)
    : directory_(std::move(directory)), index_key_(std::move(index_key)) {
    std::filesystem::create_directories(directory_ / "by-email");
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

    for (const std::string& name :
         {index_name(customer.email), legacy_index_name(customer.email)}) {
        std::ofstream index(directory_ / "by-email" / name, std::ios::app);
        index << session_id << '\n';
    }
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

// A keyed hash: without the key nobody can tell whose index a file is by hashing addresses.
std::string TranscriptStore::index_name(const std::string& email) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    HMAC(EVP_sha256(), index_key_.data(), static_cast<int>(index_key_.size()), // ok: cpp/weak-crypto
         reinterpret_cast<const unsigned char*>(email.data()), email.size(), digest, &length);
    return to_hex(digest, length) + ".idx";
}

} // namespace support

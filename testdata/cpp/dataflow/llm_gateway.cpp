// Sends the conversation to the LLM provider, and stores transcripts.
#include "customer.h"

#include <curl/curl.h>
#include <map>
#include <sqlite3/sqlite3.h>
#include <string>
#include <vector>

namespace support {

std::string redactPii(const std::string& text);
std::string encryptForStorage(const std::string& plaintext);

static std::string toJsonBody(const std::vector<std::string>& messages) {
    std::string body = "{\"messages\":[";
    for (const std::string& message : messages) {
        body += "\"" + message + "\",";
    }
    body += "]}";
    return body;
}

static void post(CURL* curl, const std::string& body) {
    curl_easy_setopt(curl, CURLOPT_URL, "https://llm.example.net/v1/chat");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str()); // expect: cpp/unredacted-third-party
    curl_easy_perform(curl);
}

void askModel(CURL* curl, const Customer& customer, const ChatTurn& turn) {
    std::vector<std::string> messages;
    messages.push_back("Customer " + customer.firstName + " writes:");
    messages.push_back(turn.utterance);
    post(curl, toJsonBody(messages));
}

void syncProfile(CURL* curl, const Customer& customer) {
    std::map<std::string, std::string> profile;
    profile["tier"] = "gold";
    profile["email"] = customer.email;
    std::string form;
    for (const auto& [key, value] : profile) {
        form += key + "=" + value + "&";
    }
    curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, form.c_str()); // expect: cpp/unredacted-third-party
}

void syncTier(CURL* curl, long customerId) {
    std::map<std::string, std::string> profile;
    profile["id"] = std::to_string(customerId);
    profile["tier"] = "gold";
    std::string form;
    for (const auto& [key, value] : profile) {
        form += key + "=" + value + "&";
    }
    curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, form.c_str()); // ok: cpp/unredacted-third-party
}

void askModelRedacted(CURL* curl, const ChatTurn& turn) {
    std::string prompt = redactPii(turn.utterance);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, prompt.c_str()); // ok: cpp/unredacted-third-party
    curl_easy_perform(curl);
}

void storeTurn(sqlite3* db, const ChatTurn& turn) {
    std::string sql = "INSERT INTO turns(session, text) VALUES('" + turn.sessionId + "','" +
                      turn.utterance + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); // expect: cpp/cleartext-storage
}

void storeTurnEncrypted(sqlite3* db, const ChatTurn& turn) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO turns(session, text) VALUES(?, ?)", -1, &statement, nullptr); // ok: cpp/cleartext-storage
    sqlite3_bind_text(statement, 1, turn.sessionId.c_str(), -1, SQLITE_TRANSIENT); // ok: cpp/cleartext-storage
    std::string sealed = encryptForStorage(turn.utterance);
    sqlite3_bind_text(statement, 2, sealed.c_str(), -1, SQLITE_TRANSIENT); // ok: cpp/cleartext-storage
    sqlite3_step(statement);
    sqlite3_finalize(statement);
}

} // namespace support

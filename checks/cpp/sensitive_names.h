#pragma once

#include "analyzers/cpp/taint_engine.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::checks {

// What sensitive data a name denotes, and how hard it is to guess.
struct SensitiveData {
    enum class Kind {
        Password,    // a password, PIN or one-time code: few enough values to try them all
        Secret,      // a high-entropy credential: token, API key, private key, shared secret
        Identifying, // personal data a guess can confirm: e-mail, phone, card number, name, ...
        Content      // free text and recordings: chat transcripts, order history
    };
    Kind kind = Kind::Identifying;
    std::string what;                    // "password", "API key", "e-mail address"
    std::vector<std::string> categories; // personal-data categories: "credential", "email", ...
};

// Decides from an identifier alone, with the personal-data vocabulary and the secret
// classifier's credential names. A name the vocabulary finds only weakly personal ("name",
// "pin") counts when `inPersonRecord` (a field of `Customer`). A bare "token" is not a
// credential here: chatbots are full of NLP tokens.
std::optional<SensitiveData> sensitiveDataNamed(std::string_view identifier,
                                                const cpp::TaintKnowledge& knowledge,
                                                bool inPersonRecord = false);

// "a password", "an API key": a kind of data as messages name it.
std::string withArticle(const std::string& what);

} // namespace privaudit::checks

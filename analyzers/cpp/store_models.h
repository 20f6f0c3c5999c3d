#pragma once

#include "core/doc_tree.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace privaudit::cpp {

// A store write that can carry an expiry (checks/models/retention.yaml).
struct ExpiringStoreModel {
    std::string display;      // "Redis (hiredis)"
    int commandArgument = -1; // the argument holding a command text ("SET k %s EX 60")
    int ttlArgument = -1;     // the argument that, when given, sets the expiry
};

// Which calls store data in caches that support expiry, and how code asks for one.
class StoreModels {
public:
    // Adds the `expiring-stores`, `expiry-functions`, `write-commands`, `expiry-commands` and
    // `expiry-options` sections of one model file; problems go to `errors` as "line: message".
    void add(const core::DocNode& root, std::vector<std::string>& errors);

    const ExpiringStoreModel* store(const std::string& function) const;
    bool isExpiryFunction(const std::string& function) const;
    bool isWriteCommand(const std::string& word) const { return writeCommands_.contains(word); }
    bool isExpiryCommand(const std::string& word) const { return expiryCommands_.contains(word); }
    bool isExpiryOption(const std::string& word) const { return expiryOptions_.contains(word); }

private:
    std::map<std::string, ExpiringStoreModel> stores_;
    std::set<std::string> expiryFunctions_, writeCommands_, expiryCommands_, expiryOptions_;
};

} // namespace privaudit::cpp

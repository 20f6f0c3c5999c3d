#include "analyzers/cpp/store_models.h"

#include "analyzers/cpp/model_reader.h"

namespace privaudit::cpp {

using core::DocNode;

void StoreModels::add(const DocNode& root, std::vector<std::string>& errors) {
    ModelReader reader(errors);
    if (const DocNode* stores = root.find("expiring-stores")) {
        for (const DocNode& entry : stores->items) {
            reader.checkKeys(entry, {"functions", "display", "command-argument", "ttl-argument"});
            ExpiringStoreModel model;
            model.display = entry.find("display") ? entry.find("display")->scalar : "";
            if (const DocNode* command = entry.find("command-argument")) {
                model.commandArgument = reader.integer(*command);
            }
            if (const DocNode* ttl = entry.find("ttl-argument")) {
                model.ttlArgument = reader.integer(*ttl);
            }
            for (const std::string& function :
                 reader.strings(entry.find("functions"), "functions")) {
                stores_[function] = model;
            }
        }
    }
    for (auto [key, into] : {std::pair{"expiry-functions", &expiryFunctions_},
                             std::pair{"write-commands", &writeCommands_},
                             std::pair{"expiry-commands", &expiryCommands_},
                             std::pair{"expiry-options", &expiryOptions_}}) {
        for (std::string& name : reader.strings(root.find(key), key)) {
            into->insert(std::move(name));
        }
    }
}

const ExpiringStoreModel* StoreModels::store(const std::string& function) const {
    auto found = stores_.find(function);
    return found == stores_.end() ? nullptr : &found->second;
}

bool StoreModels::isExpiryFunction(const std::string& function) const {
    return expiryFunctions_.contains(function);
}

} // namespace privaudit::cpp

// config/no-redaction for Rasa Pro: slots for personal data (domain) that no privacy rule
// (endpoints) anonymizes. A join across the bot's files, so a project check.

#include "analyzers/config/config_check.h"
#include "analyzers/config/tree_walk.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <array>
#include <set>

namespace privaudit::checks {

namespace {

using config::BotProject;
using config::ConfigFile;
using core::DocNode;

constexpr std::string_view noRedaction = "config/no-redaction";

// Words of a slot name that make it personal data (English and German).
bool isPersonalSlotName(std::string_view name) {
    static const std::set<std::string, std::less<>> words = {
        "email",    "mail",         "phone",    "mobile",  "telefon",  "telephone", "iban",
        "card",     "cvv",          "cvc",      "ssn",     "passport", "birth",     "dob",
        "birthday", "geburtsdatum", "address",  "adresse", "street",   "postcode",  "zip",
        "password", "passwort",     "kennwort", "pin",     "otp",      "surname",   "vorname",
        "nachname", "firstname",    "lastname", "fullname"};
    static const std::set<std::pair<std::string, std::string>> pairs = {
        {"first", "name"},     {"last", "name"},       {"full", "name"}, {"customer", "name"},
        {"account", "number"}, {"social", "security"}, {"tax", "id"},    {"user", "name"}};
    std::vector<std::string> parts = core::identifierWords(name);
    for (size_t i = 0; i < parts.size(); ++i) {
        if (words.contains(parts[i]) ||
            (i + 1 < parts.size() && pairs.contains({parts[i], parts[i + 1]}))) {
            return true;
        }
    }
    return false;
}

// What the bot's endpoints say about anonymization.
struct PrivacySetup {
    bool privacySection = false;       // Rasa Pro 3.13+ `privacy`
    bool anonymizationSection = false; // Rasa Pro 3.6-3.12 `anonymization`
    bool rasaPro = false;              // features only Rasa Pro has
    std::set<std::string, std::less<>> coveredSlots;
};

PrivacySetup privacySetup(const BotProject& project) {
    static constexpr std::array<std::string_view, 7> proKeys = {
        "model_groups", "secrets_manager", "privacy",     "anonymization",
        "logger",       "mcp_servers",     "vector_store"};
    PrivacySetup setup;
    for (const ConfigFile* file : project.files) {
        for (const DocNode& document : file->documents) {
            setup.rasaPro |= std::ranges::any_of(
                proKeys, [&](std::string_view key) { return document.find(key) != nullptr; });
            setup.anonymizationSection |= document.find("anonymization") != nullptr;
            const DocNode* privacy = document.find("privacy");
            if (!privacy) {
                continue;
            }
            setup.privacySection = true;
            const DocNode* rules = privacy->find("rules");
            for (const DocNode& rule : rules ? rules->items : std::vector<DocNode>{}) {
                if (const DocNode* slot = rule.find("slot")) {
                    setup.coveredSlots.insert(slot->scalar);
                }
            }
        }
    }
    return setup;
}

class RasaPrivacyCheck : public config::ConfigProjectCheck {
public:
    std::string_view ruleId() const override { return noRedaction; }

    void check(const BotProject& project, std::vector<core::Finding>& findings) const override {
        if (project.platform != config::Platform::Rasa) {
            return;
        }
        PrivacySetup setup = privacySetup(project);
        // Open-source Rasa has no anonymization to turn on; the 3.6-3.12 generation anonymizes
        // by entity type, not by slot.
        if (!setup.rasaPro || (!setup.privacySection && setup.anonymizationSection)) {
            return;
        }
        for (const ConfigFile* file : project.files) {
            for (const DocNode& document : file->documents) {
                const DocNode* slots = document.find("slots");
                for (const auto& [name, slot] :
                     slots ? slots->entries : std::vector<std::pair<DocNode, DocNode>>{}) {
                    if (isPersonalSlotName(name.scalar) &&
                        !setup.coveredSlots.contains(name.scalar)) {
                        report(*file, name, setup, findings);
                    }
                }
            }
        }
    }

private:
    static void report(const ConfigFile& file, const DocNode& slot, const PrivacySetup& setup,
                       std::vector<core::Finding>& findings) {
        core::Finding finding;
        finding.ruleId = noRedaction;
        finding.message = "Rasa " + file.fileName() + ": slot '" + config::printable(slot.scalar) +
                          "' holds personal data and " +
                          (setup.privacySection ? "no 'privacy.rules' entry anonymizes it"
                                                : "the bot has no 'privacy' section") +
                          ", so its value stays raw in the tracker store, event streams and "
                          "logs; add a privacy rule (slot: " +
                          config::printable(slot.scalar) + ", anonymization: {type: mask})";
        finding.location = file.locationOf(slot);
        findings.push_back(std::move(finding));
    }
};

core::CheckRegistration<config::ConfigProjectCheck, RasaPrivacyCheck> registration;

} // namespace

} // namespace privaudit::checks

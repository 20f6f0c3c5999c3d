// config/unverified-lookup: a Genesys Architect flow looks up order or account data with a
// value the caller supplied and reads the result back, with no verification step before it.

#include "analyzers/config/config_check.h"
#include "analyzers/config/tree_walk.h"
#include "core/check_registry.h"

#include <re2/re2.h>
#include <set>

namespace privaudit::checks {

namespace {

using config::ConfigFile;
using core::DocNode;

constexpr std::string_view unverifiedLookup = "config/unverified-lookup";

// Actions that send or speak something to the customer.
const std::set<std::string, std::less<>> promptActions = {
    "communicate", "sendResponse",  "playAudio",    "askForSlot",         "askForIntent",
    "askForYesNo", "askForBoolean", "collectInput", "playAudioOnSilence", "sendReplyEmail"};

const re2::RE2& verificationWords() {
    static const re2::RE2 regex(
        R"((?i)verif|authent|authoriz|one.?time|\botp\b|passcode|\bpin\b|identif|identität|log.?in|date.?of.?birth|\bdob\b|security.?question|prüf|authentifiz)");
    return regex;
}

const re2::RE2& accountDataWords() {
    static const re2::RE2 regex(
        R"((?i)order|account|customer|profile|contract|invoice|balance|booking|shipment|subscription|policy|claim|bestellung|kunde|konto|vertrag|rechnung|sendung|buchung)");
    return regex;
}

// One Archy action: `- callData: {...}` is the key "callData" and its settings.
struct Action {
    const DocNode* type;
    const DocNode* settings;
};

// Every action of the flow in document order, nested ones (success branches, loops) included.
void collectActions(const DocNode& node, std::vector<Action>& actions) {
    for (const auto& [key, value] : node.entries) {
        if (key.scalar == "actions" && value.isSequence()) {
            for (const DocNode& item : value.items) {
                if (item.isMapping() && item.entries.size() == 1) {
                    actions.push_back({&item.entries.front().first, &item.entries.front().second});
                }
                collectActions(item, actions);
            }
        } else {
            collectActions(value, actions);
        }
    }
    for (const DocNode& item : node.items) {
        collectActions(item, actions);
    }
}

void collectScalars(const DocNode& node, std::string& text) {
    if (node.isScalar()) {
        text += node.scalar;
        text += '\n';
    }
    for (const auto& [key, value] : node.entries) {
        text += key.scalar;
        text += '\n';
        collectScalars(value, text);
    }
    for (const DocNode& item : node.items) {
        collectScalars(item, text);
    }
}

std::string scalarsOf(const DocNode& node) {
    std::string text;
    collectScalars(node, text);
    return text;
}

// The data action a callData runs: `category: {<Category>: {dataAction: {<Action>: {...}}}}`.
struct DataActionCall {
    std::string name;                 // "Orders API / Get Order By Number"
    bool callerInput = false;         // an input is a variable or expression, not a literal
    std::vector<std::string> outputs; // variables the success outputs are assigned to
};

DataActionCall dataActionCall(const DocNode& settings) {
    DataActionCall call;
    const DocNode* category = settings.find("category");
    for (const auto& [categoryName, categoryValue] :
         category ? category->entries : std::vector<std::pair<DocNode, DocNode>>{}) {
        const DocNode* dataAction = categoryValue.find("dataAction");
        for (const auto& [actionName, action] :
             dataAction ? dataAction->entries : std::vector<std::pair<DocNode, DocNode>>{}) {
            call.name = categoryName.scalar + " / " + actionName.scalar;
            if (const DocNode* inputs = action.find("inputs")) {
                for (const auto& [input, value] : inputs->entries) {
                    call.callerInput |= value.find("exp") || value.find("var");
                }
            }
            if (const DocNode* outputs = action.find("successOutputs")) {
                for (const auto& [output, value] : outputs->entries) {
                    if (const DocNode* variable = value.find("var")) {
                        call.outputs.push_back(variable->scalar);
                    }
                }
            }
        }
    }
    return call;
}

class UnverifiedLookupCheck : public config::ConfigCheck {
public:
    std::string_view ruleId() const override { return unverifiedLookup; }

    void check(const ConfigFile& file, std::vector<core::Finding>& findings) const override {
        if (file.platform != config::Platform::GenesysArchitect) {
            return;
        }
        for (const DocNode& document : file.documents) {
            if (document.find("secureCall")) {
                continue; // secure flows are where verification and payment data belong
            }
            std::vector<Action> actions;
            collectActions(document, actions);
            checkFlow(file, actions, findings);
        }
    }

private:
    static void checkFlow(const ConfigFile& file, const std::vector<Action>& actions,
                          std::vector<core::Finding>& findings) {
        bool verified = false;
        for (size_t i = 0; i < actions.size(); ++i) {
            const Action& action = actions[i];
            std::string described = action.type->scalar + "\n" + scalarsOf(*action.settings);
            if (action.type->scalar != "callData") {
                verified |= re2::RE2::PartialMatch(described, verificationWords());
                continue;
            }
            DataActionCall call = dataActionCall(*action.settings);
            if (re2::RE2::PartialMatch(call.name, verificationWords())) {
                verified = true;
                continue;
            }
            if (verified || !call.callerInput ||
                !re2::RE2::PartialMatch(call.name, accountDataWords()) ||
                !readBack(actions, i + 1, call.outputs)) {
                continue;
            }
            core::Finding finding;
            finding.ruleId = unverifiedLookup;
            finding.message = "Genesys Architect " + file.fileName() + ": data action '" +
                              config::printable(call.name) +
                              "' looks up account data with a value the caller supplied and "
                              "its result is read back, with no verification step before it; "
                              "verify the caller (PIN, one-time code, known detail) first";
            finding.location = file.locationOf(*action.type);
            finding.categories = {"customer"};
            findings.push_back(std::move(finding));
        }
    }

    // Whether a later prompt uses one of the lookup's output variables.
    static bool readBack(const std::vector<Action>& actions, size_t from,
                         const std::vector<std::string>& outputs) {
        for (size_t i = from; i < actions.size(); ++i) {
            if (!promptActions.contains(actions[i].type->scalar)) {
                continue;
            }
            std::string text = scalarsOf(*actions[i].settings);
            for (const std::string& output : outputs) {
                if (!output.empty() && text.find(output) != std::string::npos) {
                    return true;
                }
            }
        }
        return false;
    }
};

core::CheckRegistration<config::ConfigCheck, UnverifiedLookupCheck> registration;

} // namespace

} // namespace privaudit::checks

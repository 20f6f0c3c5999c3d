#include "analyzers/cpp/flow_models.h"

#include "analyzers/cpp/model_reader.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <charconv>

namespace privaudit::cpp {

using core::DocNode;

namespace {

constexpr std::string_view sinkKindNames[] = {"log", "storage", "third-party",
                                              "cleartext-transmission"};

} // namespace

std::optional<SinkKind> parseSinkKind(const std::string& name) {
    for (int i = 0; i < sinkKindCount; ++i) {
        if (sinkKindNames[i] == name) {
            return SinkKind(i);
        }
    }
    return std::nullopt;
}

std::string_view sinkKindName(SinkKind kind) {
    return sinkKindNames[int(kind)];
}

void FlowModels::add(const DocNode& root, std::vector<std::string>& errors) {
    ModelReader reader(errors);
    // The sections after the first seven are AccessModels' and StoreModels'.
    reader.checkKeys(root,
                     {"sources", "sinks", "sanitizers", "propagators", "containers", "mutators",
                      "propagating-namespaces", "request-handlers", "session-identity",
                      "authorization", "data-access", "expiring-stores", "expiry-functions",
                      "write-commands", "expiry-commands", "expiry-options"});
    if (const DocNode* sources = root.find("sources")) {
        for (const DocNode& entry : sources->items) {
            reader.checkKeys(entry,
                             {"functions", "fields", "categories", "key-argument", "output"});
            SourceModel model{reader.strings(entry.find("categories"), "categories"), -1, -1};
            if (const DocNode* key = entry.find("key-argument")) {
                model.keyArgument = reader.integer(*key);
            }
            if (const DocNode* output = entry.find("output")) {
                model.output = reader.output(output);
            }
            if (model.categories.empty()) {
                reader.error(entry, "a source needs its personal-data categories");
                continue;
            }
            for (const char* key : {"functions", "fields"}) {
                for (const std::string& name : reader.strings(entry.find(key), key)) {
                    sources_[name] = model;
                }
            }
        }
    }
    if (const DocNode* sinks = root.find("sinks")) {
        for (const DocNode& entry : sinks->items) {
            reader.checkKeys(entry, {"functions", "kind", "display", "arguments", "when"});
            SinkModel model;
            const DocNode* kind = entry.find("kind");
            auto parsed = kind ? parseSinkKind(kind->scalar) : std::nullopt;
            if (!parsed) {
                reader.error(entry, "a sink needs a kind: log, storage, third-party or "
                                    "cleartext-transmission");
                continue;
            }
            model.kind = *parsed;
            model.display = entry.find("display") ? entry.find("display")->scalar : "";
            model.arguments = reader.arguments(entry.find("arguments"));
            if (const DocNode* when = entry.find("when")) {
                for (const auto& [index, constants] : when->entries) {
                    model.whenArgument = reader.integer(index);
                    auto names = reader.strings(&constants, "when");
                    model.whenConstants.insert(names.begin(), names.end());
                }
            }
            for (const std::string& function :
                 reader.strings(entry.find("functions"), "functions")) {
                sinks_[function].push_back(model);
            }
        }
    }
    if (const DocNode* sanitizers = root.find("sanitizers")) {
        for (const DocNode& entry : sanitizers->items) {
            reader.checkKeys(entry, {"functions", "name-words", "protects", "output"});
            SanitizerModel model{reader.kinds(entry.find("protects")),
                                 reader.output(entry.find("output"))};
            for (const std::string& function :
                 reader.strings(entry.find("functions"), "functions")) {
                sanitizers_[function] = model;
            }
            for (const std::string& word : reader.strings(entry.find("name-words"), "name-words")) {
                sanitizerWords_.emplace_back(word, model);
            }
        }
    }
    if (const DocNode* propagators = root.find("propagators")) {
        for (const DocNode& entry : propagators->items) {
            reader.checkKeys(entry, {"functions", "from", "to"});
            PropagatorModel model{reader.arguments(entry.find("from")),
                                  reader.output(entry.find("to"))};
            for (const std::string& function :
                 reader.strings(entry.find("functions"), "functions")) {
                propagators_[function] = model;
            }
        }
    }
    for (const std::string& name : reader.strings(root.find("containers"), "containers")) {
        containers_.insert(name);
    }
    for (const std::string& name : reader.strings(root.find("mutators"), "mutators")) {
        mutators_.insert(name);
    }
    for (const std::string& name :
         reader.strings(root.find("propagating-namespaces"), "propagating-namespaces")) {
        propagatingNamespaces_.insert(name);
    }
}

const std::vector<SinkModel>* FlowModels::sinks(const std::string& function) const {
    auto found = sinks_.find(function);
    return found == sinks_.end() ? nullptr : &found->second;
}

const SourceModel* FlowModels::source(const std::string& functionOrField) const {
    auto found = sources_.find(functionOrField);
    return found == sources_.end() ? nullptr : &found->second;
}

std::optional<SanitizerModel> FlowModels::sanitizer(const std::string& function) const {
    if (auto found = sanitizers_.find(function); found != sanitizers_.end()) {
        return found->second;
    }
    // Name heuristics look at the function's own name, not its namespace or class.
    std::string_view name = function;
    if (size_t colon = name.rfind("::"); colon != std::string_view::npos) {
        name.remove_prefix(colon + 2);
    }
    std::vector<std::string> words = core::identifierWords(name);
    for (const auto& [word, model] : sanitizerWords_) {
        if (std::ranges::find(words, word) != words.end()) {
            return model;
        }
    }
    return std::nullopt;
}

const PropagatorModel* FlowModels::propagator(const std::string& function) const {
    auto found = propagators_.find(function);
    return found == propagators_.end() ? nullptr : &found->second;
}

bool FlowModels::isContainer(const std::string& qualifiedClass) const {
    return containers_.contains(qualifiedClass);
}

bool FlowModels::isMutator(const std::string& method) const {
    return mutators_.contains(method);
}

bool FlowModels::isPropagatingNamespace(const std::string& qualifiedNamespace) const {
    return propagatingNamespaces_.contains(qualifiedNamespace);
}

} // namespace privaudit::cpp

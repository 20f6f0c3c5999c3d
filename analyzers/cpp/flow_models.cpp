#include "analyzers/cpp/flow_models.h"

#include "core/identifier_words.h"

#include <algorithm>
#include <charconv>

namespace privaudit::cpp {

using core::DocNode;

namespace {

constexpr std::string_view sinkKindNames[] = {"log", "storage", "third-party",
                                              "cleartext-transmission"};

class ModelReader {
public:
    explicit ModelReader(std::vector<std::string>& errors) : errors_(errors) {}

    void error(const DocNode& node, const std::string& message) {
        errors_.push_back(std::to_string(node.line) + ": " + message);
    }

    std::vector<std::string> strings(const DocNode* node, std::string_view what) {
        std::vector<std::string> values;
        if (!node) {
            return values;
        }
        if (node->isScalar()) {
            return {node->scalar};
        }
        if (!node->isSequence()) {
            error(*node, std::string(what) + " must be a name or a list of names");
            return values;
        }
        for (const DocNode& item : node->items) {
            values.push_back(item.scalar);
        }
        return values;
    }

    int integer(const DocNode& node) {
        int value = -1;
        auto [end, ec] =
            std::from_chars(node.scalar.data(), node.scalar.data() + node.scalar.size(), value);
        if (ec != std::errc() || end != node.scalar.data() + node.scalar.size() || value < 0) {
            error(node, "expected an argument index, not '" + node.scalar + "'");
            return -1;
        }
        return value;
    }

    // `all`, `receiver`, `3`, `from 1`, or a list of those.
    ArgumentSelection arguments(const DocNode* node) {
        ArgumentSelection selection;
        if (!node) {
            selection.all = true;
            return selection;
        }
        std::vector<const DocNode*> items;
        if (node->isSequence()) {
            for (const DocNode& item : node->items) {
                items.push_back(&item);
            }
        } else {
            items.push_back(node);
        }
        for (const DocNode* item : items) {
            if (item->scalar == "all") {
                selection.all = true;
            } else if (item->scalar == "receiver") {
                selection.receiver = true;
            } else if (item->scalar.starts_with("from ")) {
                DocNode index = *item;
                index.scalar = item->scalar.substr(5);
                selection.from = integer(index);
            } else {
                selection.indexes.insert(integer(*item));
            }
        }
        return selection;
    }

    SinkKindMask kinds(const DocNode* node) {
        SinkKindMask mask = 0;
        for (const std::string& name : strings(node, "protects")) {
            if (name == "all") {
                mask = SinkKindMask((1u << sinkKindCount) - 1);
            } else if (auto kind = parseSinkKind(name)) {
                mask |= maskOf(*kind);
            } else {
                error(*node, "unknown sink kind '" + name + "'");
            }
        }
        return mask;
    }

    // `return` or `argument N`.
    int output(const DocNode* node) {
        if (!node || node->scalar == "return") {
            return -1;
        }
        if (node->scalar.starts_with("argument ")) {
            DocNode index = *node;
            index.scalar = node->scalar.substr(9);
            return integer(index);
        }
        error(*node, "expected 'return' or 'argument N'");
        return -1;
    }

    void checkKeys(const DocNode& entry, std::initializer_list<std::string_view> known) {
        for (const auto& [key, value] : entry.entries) {
            if (std::ranges::find(known, key.scalar) == known.end()) {
                error(key, "unknown key '" + key.scalar + "'");
            }
        }
    }

private:
    std::vector<std::string>& errors_;
};

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
    reader.checkKeys(root, {"sources", "sinks", "sanitizers", "propagators", "containers",
                            "mutators", "propagating-namespaces"});
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

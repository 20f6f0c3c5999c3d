#include "analyzers/cpp/model_reader.h"

#include <algorithm>
#include <charconv>

namespace privaudit::cpp {

using core::DocNode;

void ModelReader::error(const DocNode& node, const std::string& message) {
    errors_.push_back(std::to_string(node.line) + ": " + message);
}

std::vector<std::string> ModelReader::strings(const DocNode* node, std::string_view what) {
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

int ModelReader::integer(const DocNode& node) {
    int value = -1;
    auto [end, ec] =
        std::from_chars(node.scalar.data(), node.scalar.data() + node.scalar.size(), value);
    if (ec != std::errc() || end != node.scalar.data() + node.scalar.size() || value < 0) {
        error(node, "expected an argument index, not '" + node.scalar + "'");
        return -1;
    }
    return value;
}

ArgumentSelection ModelReader::arguments(const DocNode* node) {
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

SinkKindMask ModelReader::kinds(const DocNode* node) {
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

int ModelReader::output(const DocNode* node) {
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

void ModelReader::checkKeys(const DocNode& entry, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : entry.entries) {
        if (std::ranges::find(known, key.scalar) == known.end()) {
            error(key, "unknown key '" + key.scalar + "'");
        }
    }
}

} // namespace privaudit::cpp

#include "analyzers/config/tree_walk.h"

#include <algorithm>

namespace privaudit::config {

using core::DocNode;

namespace {

using Visitor = std::function<bool(const MappingVisit&)>;

// Recursion is bounded: the loader rejects trees deeper than maxNestingDepth.
void walk(const DocNode& node, const std::string& path, std::string_view key,
          const std::string& sequencePath, const Visitor& visit) {
    if (node.isMapping()) {
        if (!visit({node, path, key, sequencePath})) {
            return;
        }
        for (const auto& [entryKey, value] : node.entries) {
            walk(value, joinKeyPath(path, entryKey.scalar), entryKey.scalar, "", visit);
        }
    } else if (node.isSequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            walk(node.items[i], path + "[" + std::to_string(i) + "]", key, path, visit);
        }
    }
}

} // namespace

void forEachMapping(const DocNode& root, const Visitor& visit) {
    walk(root, "", "", "", visit);
}

std::string joinKeyPath(std::string_view parent, std::string_view key) {
    if (parent.empty()) {
        return std::string(key);
    }
    std::string path(parent);
    path += '.';
    path += key;
    return path;
}

std::string printable(std::string text) {
    std::ranges::replace_if(text, [](unsigned char c) { return c < 0x20 || c == 0x7F; }, ' ');
    return text;
}

} // namespace privaudit::config

#include "analyzers/config/doc_path.h"

#include "analyzers/config/tree_walk.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace privaudit::config {

using core::DocNode;

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at = text.find(separator); at != std::string_view::npos;
         at = text.find(separator, start)) {
        parts.emplace_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.emplace_back(text.substr(start));
    return parts;
}

std::string itemPath(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

// Depth is bounded by the loader's maxNestingDepth.
bool findPath(const DocNode& node, const DocNode* target, std::string& path) {
    if (&node == target) {
        return true;
    }
    size_t length = path.size();
    for (const auto& [key, value] : node.entries) {
        path = joinKeyPath(path, key.scalar);
        if (findPath(value, target, path)) {
            return true;
        }
        path.resize(length);
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
        path = itemPath(path, i);
        if (findPath(node.items[i], target, path)) {
            return true;
        }
        path.resize(length);
    }
    return false;
}

void addChildren(const PathMatch& from, std::vector<PathMatch>& out) {
    const DocNode& node = *from.node;
    for (const auto& [key, value] : node.entries) {
        out.push_back({&key, &value});
    }
    for (const DocNode& item : node.items) {
        out.push_back({nullptr, &item});
    }
}

// Depth is bounded by the loader's maxNestingDepth.
void addDescendants(const PathMatch& from, std::vector<PathMatch>& out) {
    out.push_back(from);
    std::vector<PathMatch> children;
    addChildren(from, children);
    for (const PathMatch& child : children) {
        addDescendants(child, out);
    }
}

} // namespace

std::optional<DocPath> DocPath::parse(std::string_view text, std::string& error) {
    DocPath path;
    path.text_ = std::string(text);
    if (text.starts_with("//")) {
        path.fromProject_ = true;
        text.remove_prefix(2);
    } else if (text.starts_with('/')) {
        path.fromRoot_ = true;
        text.remove_prefix(1);
    }
    if (text.empty() || text == ".") {
        return path;
    }
    for (std::string part : split(text, '.')) {
        std::vector<Step> indexes;
        while (part.ends_with(']')) {
            size_t open = part.rfind('[');
            if (open == std::string::npos) {
                error = "unbalanced ']' in path '" + path.text_ + "'";
                return std::nullopt;
            }
            std::string inside = part.substr(open + 1, part.size() - open - 2);
            Step step;
            if (inside == "*") {
                step.kind = Step::Kind::AnyItem;
            } else {
                step.kind = Step::Kind::Index;
                auto [end, ec] =
                    std::from_chars(inside.data(), inside.data() + inside.size(), step.index);
                if (ec != std::errc() || end != inside.data() + inside.size()) {
                    error =
                        "'[" + inside + "]' in path '" + path.text_ + "' must be [*] or a number";
                    return std::nullopt;
                }
            }
            indexes.insert(indexes.begin(), step);
            part.erase(open);
        }
        if (part == "*") {
            path.steps_.push_back({Step::Kind::AnyChild, {}, 0});
        } else if (part == "**") {
            path.steps_.push_back({Step::Kind::Descendants, {}, 0});
        } else if (!part.empty()) {
            path.steps_.push_back({Step::Kind::Key, split(part, '|'), 0});
        } else if (indexes.empty()) {
            error = "empty step in path '" + path.text_ + "'";
            return std::nullopt;
        }
        path.steps_.insert(path.steps_.end(), indexes.begin(), indexes.end());
    }
    return path;
}

void DocPath::apply(const Step& step, const PathMatch& from, std::vector<PathMatch>& out) const {
    const DocNode& node = *from.node;
    switch (step.kind) {
    case Step::Kind::Key:
        for (const auto& [key, value] : node.entries) {
            if (std::ranges::find(step.names, key.scalar) != step.names.end()) {
                out.push_back({&key, &value});
            }
        }
        break;
    case Step::Kind::AnyChild:
        addChildren(from, out);
        break;
    case Step::Kind::AnyItem:
        for (size_t i = 0; i < node.items.size(); ++i) {
            out.push_back({nullptr, &node.items[i]});
        }
        break;
    case Step::Kind::Index:
        if (step.index < node.items.size()) {
            out.push_back({nullptr, &node.items[step.index]});
        }
        break;
    case Step::Kind::Descendants:
        addDescendants(from, out);
        break;
    }
}

std::vector<PathMatch> DocPath::resolve(const PathMatch& start) const {
    std::vector<PathMatch> current = {start};
    for (const Step& step : steps_) {
        std::vector<PathMatch> next;
        for (const PathMatch& from : current) {
            apply(step, from, next);
        }
        if (step.kind == Step::Kind::Descendants && current.size() > 1) {
            std::set<const DocNode*> seen; // "**" reached from nested starts visits nodes twice
            std::erase_if(next, [&](const PathMatch& m) { return !seen.insert(m.node).second; });
        }
        current = std::move(next);
        if (current.empty()) {
            break;
        }
    }
    return current;
}

std::string pathOf(const DocNode& root, const DocNode* target) {
    std::string path;
    return findPath(root, target, path) ? path : std::string();
}

} // namespace privaudit::config

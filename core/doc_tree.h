#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privaudit::core {

// A parsed YAML or JSON document with the exact position of every node. The loaders live in
// analyzers/config; core and checks read this tree without knowing which parser made it.
struct DocNode {
    enum class Kind { Null, Scalar, Sequence, Mapping };

    Kind kind = Kind::Null;
    std::string scalar;         // the scalar's value after unescaping
    std::string tag;            // explicit YAML tag such as "!Ref"; empty when none
    bool quoted = false;        // a quoted scalar is always a string, never a number or boolean
    int line = 0;               // 1-based
    int column = 0;             // 1-based
    std::vector<DocNode> items; // Sequence
    std::vector<std::pair<DocNode, DocNode>> entries; // Mapping: key node, value node

    // Declared here, defined in doc_tree.cpp: defining them inline would need
    // std::pair<DocNode, DocNode> complete inside DocNode, which Clang with libstdc++ rejects.
    DocNode();
    DocNode(const DocNode&);
    DocNode(DocNode&&) noexcept;
    DocNode& operator=(const DocNode&);
    DocNode& operator=(DocNode&&) noexcept;
    ~DocNode();

    bool isScalar() const { return kind == Kind::Scalar; }
    bool isMapping() const { return kind == Kind::Mapping; }
    bool isSequence() const { return kind == Kind::Sequence; }

    // The value under a mapping key, or nullptr.
    const DocNode* find(std::string_view key) const;
};

} // namespace privaudit::core

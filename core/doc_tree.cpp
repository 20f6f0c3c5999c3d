#include "core/doc_tree.h"

namespace privaudit::core {

DocNode::DocNode() = default;
DocNode::DocNode(const DocNode&) = default;
DocNode::DocNode(DocNode&&) noexcept = default;
DocNode& DocNode::operator=(const DocNode&) = default;
DocNode& DocNode::operator=(DocNode&&) noexcept = default;
DocNode::~DocNode() = default;

const DocNode* DocNode::find(std::string_view key) const {
    for (const auto& [keyNode, value] : entries) {
        if (keyNode.scalar == key) {
            return &value;
        }
    }
    return nullptr;
}

} // namespace privaudit::core

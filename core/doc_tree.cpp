#include "core/doc_tree.h"

namespace privaudit::core {

const DocNode* DocNode::find(std::string_view key) const {
    for (const auto& [keyNode, value] : entries) {
        if (keyNode.scalar == key) {
            return &value;
        }
    }
    return nullptr;
}

} // namespace privaudit::core

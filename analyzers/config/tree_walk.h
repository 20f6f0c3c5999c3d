#pragma once

#include "core/doc_tree.h"

#include <functional>
#include <string>
#include <string_view>

namespace privaudit::config {

// One mapping reached by forEachMapping, with where it sits.
struct MappingVisit {
    const core::DocNode& mapping;
    std::string path;         // "model_list[0].litellm_params"; "" for a document root
    std::string_view key;     // the nearest key above the mapping: "litellm_params"
    std::string sequencePath; // for an item of a sequence, the sequence's path: "model_list"
};

// Calls `visit` for every mapping under (and including) `root`, parents first, in document
// order. When `visit` returns false the mapping's children are skipped.
void forEachMapping(const core::DocNode& root,
                    const std::function<bool(const MappingVisit&)>& visit);

// "tracker_store" + "password" -> "tracker_store.password"; "" + "password" -> "password".
std::string joinKeyPath(std::string_view parent, std::string_view key);

// `text` with control characters replaced by spaces: keys and values come from the file and
// must not break a one-line message.
std::string printable(std::string text);

} // namespace privaudit::config

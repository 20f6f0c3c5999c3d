#pragma once

#include "core/doc_tree.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::config {

// A node a DocPath reached, with the mapping key it sits under (nullptr for a sequence item or
// the starting node). Its concrete path is computed only for messages (pathOf): building it for
// every node "**" reaches would cost memory in proportion to nodes times depth.
struct PathMatch {
    const core::DocNode* key = nullptr;
    const core::DocNode* node = nullptr;
};

// The concrete path from `root` to `target` ("slots.email.type", "Actions[3]"), "" for the
// root itself or a node not under it.
std::string pathOf(const core::DocNode& root, const core::DocNode* target);

// A path into a parsed document, as config rules write it:
//   tracker_store.url          keys, separated by dots
//   dataPrivacy|DataPrivacy    alternatives for one step (export vs. CloudFormation spelling)
//   slots.*                    every value of a mapping or item of a sequence
//   Actions[*] / Actions[0]    every item / one item of a sequence
//   **.liveAgentHandoff        any depth, including none
//   /agent.securitySettings    from the document root instead of the current node
//   //slots.*                  from every document of every file of the same bot (BotProject)
//   .                          the current node itself
class DocPath {
public:
    // The parsed path, or nothing with `error` set.
    static std::optional<DocPath> parse(std::string_view text, std::string& error);

    // Every node the path reaches from `start`, in document order, without duplicates.
    std::vector<PathMatch> resolve(const PathMatch& start) const;

    bool fromRoot() const { return fromRoot_; }
    bool fromProject() const { return fromProject_; }
    const std::string& text() const { return text_; }

private:
    struct Step {
        enum class Kind { Key, AnyChild, AnyItem, Index, Descendants };
        Kind kind = Kind::Key;
        std::vector<std::string> names; // Key: the alternatives
        size_t index = 0;               // Index
    };

    void apply(const Step& step, const PathMatch& from, std::vector<PathMatch>& out) const;

    std::vector<Step> steps_;
    bool fromRoot_ = false;
    bool fromProject_ = false;
    std::string text_;
};

} // namespace privaudit::config

#include "analyzers/config/document_loader.h"

#include "analyzers/config/json_syntax.h"
#include "analyzers/config/jsonc.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace privaudit::config {

using core::DocNode;

namespace {

// Aliases are copied into the DocNode tree, so a few lines of nested aliases ("billion
// laughs") would expand without bound. Without aliases a document has fewer nodes than
// characters; this allowance is for the aliases.
constexpr size_t aliasNodeAllowance = 100'000;

constexpr std::string_view utf8ByteOrderMark = "\xEF\xBB\xBF";

struct BuildFailure {
    LoadError error;
};

LoadError errorAt(const YAML::Mark& mark, std::string message) {
    return {mark.line < 0 ? 0 : mark.line + 1, mark.column < 0 ? 0 : mark.column + 1,
            std::move(message)};
}

[[noreturn]] void fail(const YAML::Mark& mark, std::string message) {
    throw BuildFailure{errorAt(mark, std::move(message))};
}

// Builds DocNode trees from yaml-cpp's parser events. (YAML::LoadAll is not used: yaml-cpp
// 0.7 loops forever, allocating, on a stray token between documents such as "...\n,".)
class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(std::string_view text)
        : text_(text), maxNodes_(text.size() + aliasNodeAllowance) {}

    std::vector<DocNode> takeDocuments() { return std::move(documents_); }
    std::vector<LoadError> takeWarnings() { return std::move(warnings_); }

    void OnDocumentStart(const YAML::Mark&) override { anchors_.clear(); }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        count(1, mark);
        DocNode node = nodeAt(mark, DocNode::Kind::Null);
        if (!stack_.empty() || documents_.empty()) {
            complete(std::move(node), anchor, 1, isImplicitNull(mark));
            return;
        }
        // yaml-cpp reports a token it cannot use as an empty document without consuming it.
        const DocNode& previous = documents_.back();
        if (previous.kind == DocNode::Kind::Null && previous.line == node.line &&
            previous.column == node.column) {
            bool known = mark.pos >= 0 && static_cast<size_t>(mark.pos) < text_.size();
            fail(mark, known ? "unexpected '" + std::string(1, text_[mark.pos]) + "'"
                             : std::string("unexpected token"));
        }
        complete(std::move(node), anchor, 1, false);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto found = anchors_.find(anchor);
        if (found == anchors_.end()) {
            fail(mark, "the referenced anchor is not defined");
        }
        count(found->second.nodes, mark);
        complete(DocNode(found->second.node), 0, found->second.nodes, false);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        count(1, mark);
        requireClosingQuote(mark);
        DocNode node = nodeAt(mark, DocNode::Kind::Scalar);
        node.scalar = value;
        setTag(node, tag);
        complete(std::move(node), anchor, 1, false);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, DocNode::Kind::Sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, DocNode::Kind::Mapping);
    }
    void OnMapEnd() override { close(); }

private:
    struct OpenCollection {
        DocNode node;
        YAML::anchor_t anchor;
        size_t nodesBefore;         // node count when the collection opened, to size it for aliases
        std::optional<DocNode> key; // a mapping's key waiting for its value
        std::map<std::string, size_t, std::less<>> keyIndex; // scalar key -> entry
    };
    struct Anchored {
        DocNode node;
        size_t nodes;
    };

    static DocNode nodeAt(const YAML::Mark& mark, DocNode::Kind kind) {
        DocNode node;
        node.kind = kind;
        node.line = mark.line < 0 ? 0 : mark.line + 1;
        node.column = mark.column < 0 ? 0 : mark.column + 1;
        return node;
    }

    // yaml-cpp reports "?" for plain scalars and "!" for quoted and block scalars.
    static void setTag(DocNode& node, const std::string& tag) {
        static constexpr std::string_view coreSchema = "tag:yaml.org,2002:";
        if (tag == "!") {
            node.quoted = true;
        } else if (tag.starts_with(coreSchema)) {
            node.tag = "!!" + tag.substr(coreSchema.size());
            node.quoted = node.tag == "!!str";
        } else if (tag != "?" && !tag.empty()) {
            node.tag = tag;
        }
    }

    void count(size_t nodes, const YAML::Mark& mark) {
        nodes_ += nodes;
        if (nodes_ > maxNodes_) {
            fail(mark, "aliases expand to more than " + std::to_string(maxNodes_) + " nodes");
        }
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
              DocNode::Kind kind) {
        if (stack_.size() >= static_cast<size_t>(maxNestingDepth)) {
            fail(mark, "nested deeper than " + std::to_string(maxNestingDepth) + " levels");
        }
        size_t nodesBefore = nodes_;
        count(1, mark);
        DocNode node = nodeAt(mark, kind);
        setTag(node, tag);
        stack_.push_back({std::move(node), anchor, nodesBefore, std::nullopt});
    }

    void close() {
        OpenCollection top = std::move(stack_.back());
        stack_.pop_back();
        complete(std::move(top.node), top.anchor, nodes_ - top.nodesBefore, false);
    }

    // Records a finished node as an anchor, then places it in its parent.
    void complete(DocNode node, YAML::anchor_t anchor, size_t nodes, bool implicitNull) {
        if (anchor != 0) {
            anchors_[anchor] = {node, nodes};
        }
        if (stack_.empty()) {
            documents_.push_back(std::move(node));
            return;
        }
        OpenCollection& parent = stack_.back();
        if (parent.node.isSequence()) {
            parent.node.items.push_back(std::move(node));
        } else if (!parent.key) {
            parent.key = std::move(node);
        } else {
            if (implicitNull) {
                node.line = parent.key->line; // yaml-cpp marks an empty value at the next token
                node.column = parent.key->column;
            }
            addEntry(parent, std::move(*parent.key), std::move(node));
            parent.key.reset();
        }
    }

    // A repeated key replaces the earlier entry, as PyYAML and JSON parsers do.
    void addEntry(OpenCollection& mapping, DocNode key, DocNode value) {
        if (key.isScalar()) {
            auto [known, added] =
                mapping.keyIndex.try_emplace(key.scalar, mapping.node.entries.size());
            if (!added) {
                auto& entry = mapping.node.entries[known->second];
                warnings_.push_back({key.line, key.column,
                                     "duplicate key '" + key.scalar + "' (first at line " +
                                         std::to_string(entry.first.line) +
                                         "); the last one is used"});
                entry = {std::move(key), std::move(value)};
                return;
            }
        }
        mapping.node.entries.emplace_back(std::move(key), std::move(value));
    }

    // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the file.
    void requireClosingQuote(const YAML::Mark& mark) const {
        size_t at = mark.pos < 0 ? text_.size() : static_cast<size_t>(mark.pos);
        while (at < text_.size() && (text_[at] == '!' || text_[at] == '&')) {
            at = text_.find_first_not_of(" \t\r\n", text_.find_first_of(" \t\r\n", at));
        }
        if (at >= text_.size() || (text_[at] != '"' && text_[at] != '\'')) {
            return;
        }
        char quote = text_[at];
        for (size_t i = at + 1; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
            } else if (text_[i] == quote) {
                bool doubled = quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'';
                if (!doubled) {
                    return;
                }
                ++i;
            }
        }
        fail(mark, "quoted string is never closed");
    }

    bool isImplicitNull(const YAML::Mark& mark) const {
        if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) {
            return true;
        }
        std::string_view rest = text_.substr(mark.pos);
        return !rest.starts_with("~") && !rest.starts_with("null") && !rest.starts_with("Null") &&
               !rest.starts_with("NULL");
    }

    std::string_view text_;
    size_t maxNodes_;
    size_t nodes_ = 0;
    std::vector<OpenCollection> stack_;
    std::map<YAML::anchor_t, Anchored> anchors_;
    std::vector<DocNode> documents_;
    std::vector<LoadError> warnings_;
};

// `text` with every one-line `{{...}}` replaced by underscores of the same length, so the
// positions of everything else stay; the line of the first one, or 0 when there is none.
int blankTemplatePlaceholders(std::string& text) {
    int firstLine = 0;
    for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open)) {
        size_t close = text.find("}}", open + 2);
        size_t lineEnd = text.find('\n', open);
        if (close == std::string::npos || close > lineEnd) {
            open += 2;
            continue;
        }
        if (firstLine == 0) {
            firstLine = 1 + static_cast<int>(std::count(text.begin(), text.begin() + open, '\n'));
        }
        std::fill(text.begin() + open, text.begin() + close + 2, '_');
        open = close + 2;
    }
    return firstLine;
}

// `name: {{flow_name}}` is valid YAML, a mapping with a mapping as its key: no configuration
// means that. Depth is bounded by maxNestingDepth.
bool hasCollectionKey(const DocNode& node) {
    return std::ranges::any_of(node.entries,
                               [](const auto& entry) {
                                   return entry.first.isMapping() || entry.first.isSequence() ||
                                          hasCollectionKey(entry.second);
                               }) ||
           std::ranges::any_of(node.items, hasCollectionKey);
}

LoadedDocuments parse(const std::string& input, DocumentFormat format) {
    LoadedDocuments loaded;
    try {
        if (format == DocumentFormat::Json) {
            loaded.error = jsonSyntaxError(input);
            if (loaded.error) {
                return loaded;
            }
        }
        std::istringstream stream(input);
        YAML::Parser parser(stream);
        TreeBuilder builder(input);
        while (parser.HandleNextDocument(builder)) {
        }
        loaded.documents = builder.takeDocuments();
        loaded.warnings = builder.takeWarnings();
    } catch (const BuildFailure& failure) {
        loaded.error = failure.error;
    } catch (const YAML::DeepRecursion& e) {
        loaded.error = errorAt(e.mark, "nested deeper than the parser allows");
    } catch (const YAML::Exception& e) {
        loaded.error = errorAt(e.mark, e.msg);
    } catch (const std::exception& e) {
        loaded.error = LoadError{0, 0, e.what()};
    } catch (...) {
        loaded.error = LoadError{0, 0, "unknown parser failure"};
    }
    if (loaded.error) {
        loaded.documents.clear();
        loaded.warnings.clear();
    }
    return loaded;
}

std::string lowercaseExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::ranges::transform(extension, extension.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

} // namespace

DocumentFormat formatForPath(const std::filesystem::path& path) {
    std::string extension = lowercaseExtension(path);
    bool json = extension == ".json" || extension == ".jsonc" || extension == ".dialog" ||
                extension.empty();
    return json ? DocumentFormat::Json : DocumentFormat::Yaml;
}

LoadedDocuments loadDocuments(std::string_view text, DocumentFormat format) {
    // yaml-cpp skips a byte order mark without counting it; dropping it here keeps the
    // positions we compute from `text` in step with the parser's.
    if (text.starts_with(utf8ByteOrderMark)) {
        text.remove_prefix(utf8ByteOrderMark.size());
    }
    std::string input = format == DocumentFormat::Json ? jsoncAsJson(text) : std::string(text);
    if (input.find_first_not_of(" \t\r\n") == std::string::npos) {
        return {}; // an empty file has no documents, in either format
    }
    LoadedDocuments loaded = parse(input, format);
    bool misread = loaded.error || std::ranges::any_of(loaded.documents, hasCollectionKey);
    if (misread && format == DocumentFormat::Yaml) {
        std::string blanked = input;
        if (int line = blankTemplatePlaceholders(blanked)) {
            LoadedDocuments retried = parse(blanked, format);
            if (!retried.error) {
                retried.warnings.insert(retried.warnings.begin(),
                                        {line, 0,
                                         "unrendered template placeholders ({{...}}); read "
                                         "with them blanked out"});
                return retried;
            }
        }
    }
    return loaded;
}

} // namespace privaudit::config

#pragma once

#include "analyzers/cpp/flow_models.h"
#include "core/doc_tree.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::cpp {

// Reads the values of model files (checks/models/*.yaml and the policy's `models`), collecting
// problems as "line: message".
class ModelReader {
public:
    explicit ModelReader(std::vector<std::string>& errors) : errors_(errors) {}

    void error(const core::DocNode& node, const std::string& message);
    // A name or a list of names.
    std::vector<std::string> strings(const core::DocNode* node, std::string_view what);
    // A non-negative argument index.
    int integer(const core::DocNode& node);
    // `all`, `receiver`, `3`, `from 1`, or a list of those; everything when absent.
    ArgumentSelection arguments(const core::DocNode* node);
    // Sink kind names, or `all`.
    SinkKindMask kinds(const core::DocNode* node);
    // `return` (-1) or `argument N`.
    int output(const core::DocNode* node);
    void checkKeys(const core::DocNode& entry, std::initializer_list<std::string_view> known);

private:
    std::vector<std::string>& errors_;
};

} // namespace privaudit::cpp

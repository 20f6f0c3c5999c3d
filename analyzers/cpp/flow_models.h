#pragma once

#include "analyzers/cpp/taint_summary.h"
#include "core/doc_tree.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace privaudit::cpp {

// Which arguments of a call a model is about. The receiver of a member call (or the stream of
// an operator<<) is `receiver`.
struct ArgumentSelection {
    bool receiver = false;
    bool all = false;
    int from = -1; // all arguments from this index on
    std::set<int> indexes;

    bool selects(int index) const {
        return all || indexes.contains(index) || (from >= 0 && index >= from);
    }
};

struct SinkModel {
    SinkKind kind = SinkKind::Log;
    std::string display; // "spdlog", "SQLite", "libcurl request body"
    ArgumentSelection arguments;
    // Only when argument `whenArgument` is the named constant (curl_easy_setopt's option).
    int whenArgument = -1;
    std::set<std::string> whenConstants;
};

struct SanitizerModel {
    SinkKindMask protects = 0;
    int output = -1; // the argument the protected data is written to; -1: the return value
};

// A function whose result, or a field whose value, is personal data by what it is: the body
// or a parameter of an HTTP request, a CRM lookup.
struct SourceModel {
    std::vector<std::string> categories;
    // For lookups by key (get_param_value("email")): the argument holding the key. A literal
    // key is judged by its name instead; only a computed key gives `categories`.
    int keyArgument = -1;
    // For functions that fill a buffer (recv(fd, buffer, ...)): the argument they write.
    int output = -1;
};

struct PropagatorModel {
    ArgumentSelection from;
    int to = -1; // -1: the return value; otherwise the argument written to
};

// Library models as data (checks/models/*.yaml): which functions are sinks, sanitizers and
// propagators, and which classes carry what is put into them. Functions are named by their
// qualified name without template arguments or inline namespaces ("std::basic_string::append",
// "spdlog::logger::info").
class FlowModels {
public:
    // Adds the `sources`, `sinks`, `sanitizers`, `propagators`, `containers`, `mutators` and
    // `propagating-namespaces` sections of one model file; problems are appended to `errors`
    // as "line: message".
    void add(const core::DocNode& root, std::vector<std::string>& errors);

    const std::vector<SinkModel>* sinks(const std::string& function) const;
    // Functions (their return value) and fields (their value) that are sources.
    const SourceModel* source(const std::string& functionOrField) const;
    std::optional<SanitizerModel> sanitizer(const std::string& function) const;
    const PropagatorModel* propagator(const std::string& function) const;

    // Classes whose values carry what is put into them (strings, streams, containers, JSON).
    bool isContainer(const std::string& qualifiedClass) const;
    // Methods of container classes that put their arguments into the receiver.
    bool isMutator(const std::string& method) const;
    // Namespaces whose free functions returning a container pass their arguments' data on
    // (std::to_string, std::format, fmt::format, operator+).
    bool isPropagatingNamespace(const std::string& qualifiedNamespace) const;

private:
    std::map<std::string, std::vector<SinkModel>> sinks_;
    std::map<std::string, SourceModel> sources_;
    std::map<std::string, SanitizerModel> sanitizers_;
    std::vector<std::pair<std::string, SanitizerModel>> sanitizerWords_;
    std::map<std::string, PropagatorModel> propagators_;
    std::set<std::string> containers_;
    std::set<std::string> mutators_;
    std::set<std::string> propagatingNamespaces_;
};

std::optional<SinkKind> parseSinkKind(const std::string& name);
std::string_view sinkKindName(SinkKind kind);

} // namespace privaudit::cpp

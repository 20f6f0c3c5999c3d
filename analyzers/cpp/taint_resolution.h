#pragma once

#include "analyzers/cpp/taint_summary.h"

#include <map>
#include <string>
#include <vector>

namespace privaudit::cpp {

// One path personal data takes to a sink, across functions and translation units.
struct ResolvedFlow {
    std::vector<std::string> categories;
    core::CodeFlow steps; // from the source to the sink, the sink last
};

struct ResolvedSink {
    const SinkHit* hit;
    std::vector<std::string> categories; // of all flows, sorted
    std::vector<ResolvedFlow> flows;     // the shortest few distinct paths
};

// Joins the per-function summaries of every translation unit: a parameter that reaches a sink
// is followed back to every call that passes personal data to it, and a call's result to what
// the called function returns (with its parameters bound to that call's arguments), until the
// path starts at a source. Sanitizers on the way remove the sinks they protect against.
class TaintResolver {
public:
    // Summaries of one function from several translation units (a function defined in a
    // header) are the same; the first is kept.
    explicit TaintResolver(std::vector<FunctionSummary> summaries);

    // Every sink that personal data reaches, in a deterministic order.
    std::vector<ResolvedSink> resolve() const;

private:
    struct Binding;
    struct Partial {
        std::vector<std::string> categories;
        core::CodeFlow steps;
        SinkKindMask sanitizedFor;
    };

    void resolveOrigin(const Origin& origin, const FunctionSummary& context, const Binding* binding,
                       int depth, std::vector<Partial>& out) const;
    // What a called function returned or wrote (`calleeValue`), seen at the call `origin`.
    void resolveFromCallee(const TaintValue& calleeValue, const FunctionSummary& callee,
                           const CallSite& site, const FunctionSummary& context,
                           const Binding* binding, const Origin& origin, int depth,
                           std::vector<Partial>& out) const;
    void resolveArgument(const TaintValue& argument, const CallSite& site,
                         const FunctionSummary& caller, const Binding* binding,
                         const FunctionSummary& callee, const Origin& parameter, int depth,
                         std::vector<Partial>& out) const;

    // The summaries a call to `usr` may run: its own and those of the methods overriding it.
    const std::vector<const FunctionSummary*>& implementations(const std::string& usr) const;

    std::map<std::string, FunctionSummary> functions_;
    std::map<std::string, std::vector<const FunctionSummary*>> implementations_;
    struct Caller {
        const FunctionSummary* function;
        const CallSite* site;
    };
    std::map<std::string, std::vector<Caller>> callers_;
    struct Writer {
        const FunctionSummary* function;
        const TaintValue* value;
    };
    std::map<std::string, std::vector<Writer>> fieldWriters_;
};

} // namespace privaudit::cpp

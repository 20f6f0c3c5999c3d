#include "analyzers/cpp/taint_resolution.h"

#include <algorithm>
#include <set>

namespace privaudit::cpp {

namespace {

// Deep enough for real call chains; bounds the work on recursive and very connected code.
constexpr int maxDepth = 12;
// Paths collected per sink before the shortest are chosen; results show at most a few.
constexpr size_t maxPartialsPerSink = 64;
constexpr size_t maxFlowsPerSink = 4;

core::CodeFlow concat(const core::CodeFlow& first, const core::FlowStep* middle,
                      const core::CodeFlow& last) {
    core::CodeFlow steps = first;
    if (middle) {
        steps.push_back(*middle);
    }
    steps.insert(steps.end(), last.begin(), last.end());
    return steps;
}

std::string parameterName(const FunctionSummary& function, int index) {
    return index >= 0 && index < int(function.parameterNames.size()) &&
                   !function.parameterNames[index].empty()
               ? "'" + function.parameterNames[index] + "'"
               : "argument " + std::to_string(index + 1);
}

} // namespace

// The call whose callee is being resolved: binds the callee's parameters to its arguments.
struct TaintResolver::Binding {
    const CallSite* site;
    const FunctionSummary* caller;
    const Binding* parent;
};

TaintResolver::TaintResolver(std::vector<FunctionSummary> summaries) {
    for (FunctionSummary& summary : summaries) {
        std::string usr = summary.usr;
        functions_.try_emplace(usr, std::move(summary));
    }
    for (const auto& [usr, function] : functions_) {
        implementations_[usr].push_back(&function);
        for (const std::string& overridden : function.overrides) {
            implementations_[overridden].push_back(&function);
        }
    }
    for (const auto& [usr, function] : functions_) {
        for (const CallSite& site : function.calls) {
            for (const FunctionSummary* callee : implementations(site.callee)) {
                callers_[callee->usr].push_back({&function, &site});
            }
        }
        for (const FieldWrite& write : function.fieldWrites) {
            fieldWriters_[write.field].push_back({&function, &write.value});
        }
    }
}

void TaintResolver::resolveFromCallee(const TaintValue& calleeValue, const FunctionSummary& callee,
                                      const CallSite& site, const FunctionSummary& context,
                                      const Binding* binding, const Origin& origin, int depth,
                                      std::vector<Partial>& out) const {
    Binding call{&site, &context, binding};
    for (const Origin& result : calleeValue) {
        std::vector<Partial> found;
        resolveOrigin(result, callee, &call, depth + 1, found);
        for (Partial& partial : found) {
            // origin.steps starts with "returned by ..." at the call.
            out.push_back({std::move(partial.categories),
                           concat(partial.steps, nullptr, origin.steps),
                           SinkKindMask(partial.sanitizedFor | origin.sanitizedFor)});
        }
    }
}

void TaintResolver::resolveArgument(const TaintValue& argument, const CallSite& site,
                                    const FunctionSummary& caller, const Binding* binding,
                                    const FunctionSummary& callee, const Origin& parameter,
                                    int depth, std::vector<Partial>& out) const {
    core::FlowStep call{site.location, "passed to '" + callee.name + "' as " +
                                           parameterName(callee, parameter.index)};
    for (const Origin& origin : argument) {
        std::vector<Partial> found;
        resolveOrigin(origin, caller, binding, depth + 1, found);
        for (Partial& partial : found) {
            out.push_back({std::move(partial.categories),
                           concat(partial.steps, &call, parameter.steps),
                           SinkKindMask(partial.sanitizedFor | parameter.sanitizedFor)});
        }
    }
}

void TaintResolver::resolveOrigin(const Origin& origin, const FunctionSummary& context,
                                  const Binding* binding, int depth,
                                  std::vector<Partial>& out) const {
    if (depth > maxDepth || out.size() >= maxPartialsPerSink) {
        return;
    }
    switch (origin.kind) {
    case Origin::Kind::Source:
        out.push_back({origin.categories, origin.steps, origin.sanitizedFor});
        return;
    case Origin::Kind::Parameter:
        if (!binding && !callers_.contains(context.usr)) {
            // Nobody in the scanned code calls this function: its parameter's name is all
            // there is to go by ("void notify(const std::string& email)").
            if (!origin.categories.empty()) {
                out.push_back({origin.categories, origin.steps, origin.sanitizedFor});
            }
            return;
        }
        if (binding) {
            const auto& arguments = binding->site->arguments;
            if (origin.index >= 0 && origin.index < int(arguments.size())) {
                resolveArgument(arguments[origin.index], *binding->site, *binding->caller,
                                binding->parent, context, origin, depth, out);
            }
            return;
        }
        if (auto callers = callers_.find(context.usr); callers != callers_.end()) {
            for (const Caller& caller : callers->second) {
                const auto& arguments = caller.site->arguments;
                if (origin.index >= 0 && origin.index < int(arguments.size())) {
                    resolveArgument(arguments[origin.index], *caller.site, *caller.function,
                                    nullptr, context, origin, depth, out);
                }
            }
        }
        return;
    case Origin::Kind::CallResult:
    case Origin::Kind::CallOutput: {
        if (origin.index < 0 || origin.index >= int(context.calls.size())) {
            return;
        }
        const CallSite& site = context.calls[origin.index];
        for (const FunctionSummary* callee : implementations(site.callee)) {
            const auto& outputs = callee->outputs;
            if (origin.kind == Origin::Kind::CallResult) {
                resolveFromCallee(callee->returned, *callee, site, context, binding, origin, depth,
                                  out);
            } else if (origin.argument >= 0 && origin.argument < int(outputs.size())) {
                resolveFromCallee(outputs[origin.argument], *callee, site, context, binding, origin,
                                  depth, out);
            }
        }
        return;
    }
    case Origin::Kind::FieldRead:
        // Whatever any function stores into the field (context-insensitive: a field outlives
        // the call that wrote it).
        if (auto writers = fieldWriters_.find(origin.field); writers != fieldWriters_.end()) {
            for (const Writer& writer : writers->second) {
                for (const Origin& written : *writer.value) {
                    std::vector<Partial> found;
                    resolveOrigin(written, *writer.function, nullptr, depth + 1, found);
                    for (Partial& partial : found) {
                        out.push_back({std::move(partial.categories),
                                       concat(partial.steps, nullptr, origin.steps),
                                       SinkKindMask(partial.sanitizedFor | origin.sanitizedFor)});
                    }
                }
            }
        }
        return;
    }
}

const std::vector<const FunctionSummary*>&
TaintResolver::implementations(const std::string& usr) const {
    static const std::vector<const FunctionSummary*> none;
    auto found = implementations_.find(usr);
    return found == implementations_.end() ? none : found->second;
}

std::vector<ResolvedSink> TaintResolver::resolve() const {
    // Hits at one place of one kind are one finding: `out << email << phone` is one write.
    std::map<std::pair<core::SourceLocation, SinkKind>, std::vector<Partial>> partialsAt;
    std::map<std::pair<core::SourceLocation, SinkKind>, const SinkHit*> hitAt;
    for (const auto& [usr, function] : functions_) {
        for (const SinkHit& hit : function.sinks) {
            core::SourceLocation start = hit.location;
            start.endLine = start.endColumn = 0; // a chain `out << a << b` shares its start
            auto key = std::pair{start, hit.kind};
            hitAt.try_emplace(key, &hit);
            std::vector<Partial>& partials = partialsAt[key];
            for (const Origin& origin : hit.value) {
                resolveOrigin(origin, function, nullptr, 0, partials);
            }
        }
    }
    std::vector<ResolvedSink> sinks;
    for (auto& [key, partials] : partialsAt) {
        const SinkHit* hit = hitAt.at(key);
        std::erase_if(partials, [&](const Partial& p) {
            return (p.sanitizedFor & maskOf(hit->kind)) != 0 || p.categories.empty() ||
                   p.steps.empty();
        });
        if (partials.empty()) {
            continue;
        }
        std::ranges::stable_sort(partials, {}, [](const Partial& p) { return p.steps.size(); });
        ResolvedSink sink{hit, {}, {}};
        std::set<std::string> categories;
        std::set<core::SourceLocation> starts;
        for (const Partial& partial : partials) {
            categories.insert(partial.categories.begin(), partial.categories.end());
            if (sink.flows.size() < maxFlowsPerSink &&
                starts.insert(partial.steps.front().location).second) {
                core::CodeFlow steps = partial.steps;
                steps.push_back({hit->location, "reaches " + hit->sink});
                sink.flows.push_back({partial.categories, std::move(steps)});
            }
        }
        sink.categories.assign(categories.begin(), categories.end());
        sinks.push_back(std::move(sink));
    }
    return sinks;
}

} // namespace privaudit::cpp

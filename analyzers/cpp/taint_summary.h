#pragma once

#include "core/finding.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace privaudit::cpp {

// Where personal data may leave: each kind is checked by one rule.
enum class SinkKind : std::uint8_t {
    Log,                  // cpp/pii-in-log
    Storage,              // cpp/cleartext-storage
    ThirdParty,           // cpp/unredacted-third-party
    CleartextTransmission // cpp/cleartext-transmission
};
inline constexpr int sinkKindCount = 4;

using SinkKindMask = std::uint8_t;
constexpr SinkKindMask maskOf(SinkKind kind) {
    return SinkKindMask(1u << unsigned(kind));
}

// Where a tainted value comes from, as seen inside one function. A function is analyzed once,
// on its own: its parameters and the results of calls to other functions are symbolic origins,
// resolved after every translation unit has been analyzed (see taint_resolution.h).
struct Origin {
    enum class Kind : std::uint8_t {
        Source,     // personal data read here
        Parameter,  // the value a caller passed (`index`: the parameter)
        CallResult, // what a call returned (`index`: the call site)
        CallOutput, // what a call wrote into an argument (`index`: call site, `argument`)
        FieldRead,  // a field that other functions write (`field`: its USR)
    };
    Kind kind = Kind::Source;
    std::vector<std::string> categories; // Source: the personal-data categories
    int index = -1;
    int argument = -1;
    std::string field;
    SinkKindMask sanitizedFor = 0;     // sinks a sanitizer on the way made this safe for
    std::vector<core::FlowStep> steps; // from the origin to the current point

    bool sameOrigin(const Origin& other) const {
        return kind == other.kind && index == other.index && argument == other.argument &&
               field == other.field && categories == other.categories &&
               sanitizedFor == other.sanitizedFor &&
               (kind != Kind::Source || steps.front().location == other.steps.front().location);
    }
};

// The origins one value may carry.
using TaintValue = std::vector<Origin>;

struct SinkHit {
    SinkKind kind = SinkKind::Log;
    std::string sink; // what receives the data, e.g. "spdlog::info", "std::ofstream"
    core::SourceLocation location;
    TaintValue value;
};

struct CallSite {
    std::string callee;     // USR of the called function
    std::string calleeName; // for messages
    core::SourceLocation location;
    std::vector<TaintValue> arguments; // one per parameter
};

// A value stored into a field (`this->email_ = ...`, `request.body = ...`).
struct FieldWrite {
    std::string field; // USR of the field
    TaintValue value;
};

// What one function does with personal data, independent of its callers.
struct FunctionSummary {
    std::string usr;
    std::string name;
    std::vector<std::string> parameterNames;
    std::vector<std::string> overrides; // USRs of the virtual methods this one overrides
    std::vector<SinkHit> sinks;
    TaintValue returned;
    std::vector<TaintValue> outputs; // per parameter: what the function writes through it
    std::vector<FieldWrite> fieldWrites;
    std::vector<CallSite> calls;
};

void to_json(nlohmann::json& json, const FunctionSummary& summary);
void from_json(const nlohmann::json& json, FunctionSummary& summary);

// Adds `origin` to `value` unless an origin like it is already there (the first path wins).
void addOrigin(TaintValue& value, Origin origin);
void addOrigins(TaintValue& value, const TaintValue& more);

} // namespace privaudit::cpp

#include "analyzers/cpp/taint_summary.h"

#include "core/finding_json.h"

#include <algorithm>

namespace privaudit::cpp {

using nlohmann::json;

namespace {

// A value rarely carries more origins than this; past it the extra ones add noise, not facts.
constexpr size_t maxOriginsPerValue = 8;

json toJson(const TaintValue& value) {
    json origins = json::array();
    for (const Origin& origin : value) {
        origins.push_back({{"kind", int(origin.kind)},
                           {"categories", origin.categories},
                           {"index", origin.index},
                           {"argument", origin.argument},
                           {"field", origin.field},
                           {"sanitized", origin.sanitizedFor},
                           {"steps", origin.steps}});
    }
    return origins;
}

TaintValue taintValueFromJson(const json& origins) {
    TaintValue value;
    for (const json& item : origins) {
        Origin origin;
        origin.kind = Origin::Kind(item.at("kind").get<int>());
        origin.categories = item.at("categories").get<std::vector<std::string>>();
        origin.index = item.at("index").get<int>();
        origin.argument = item.at("argument").get<int>();
        origin.field = item.at("field").get<std::string>();
        origin.sanitizedFor = item.at("sanitized").get<SinkKindMask>();
        origin.steps = item.at("steps").get<std::vector<core::FlowStep>>();
        value.push_back(std::move(origin));
    }
    return value;
}

} // namespace

void addOrigin(TaintValue& value, Origin origin) {
    if (value.size() >= maxOriginsPerValue ||
        std::ranges::any_of(value, [&](const Origin& o) { return o.sameOrigin(origin); })) {
        return;
    }
    value.push_back(std::move(origin));
}

void addOrigins(TaintValue& value, const TaintValue& more) {
    for (const Origin& origin : more) {
        addOrigin(value, origin);
    }
}

void to_json(json& j, const FunctionSummary& s) {
    json sinks = json::array();
    for (const SinkHit& hit : s.sinks) {
        sinks.push_back({{"kind", int(hit.kind)},
                         {"sink", hit.sink},
                         {"at", hit.location},
                         {"value", toJson(hit.value)}});
    }
    json calls = json::array();
    for (const CallSite& call : s.calls) {
        json arguments = json::array();
        for (const TaintValue& argument : call.arguments) {
            arguments.push_back(toJson(argument));
        }
        calls.push_back({{"callee", call.callee},
                         {"name", call.calleeName},
                         {"at", call.location},
                         {"args", arguments}});
    }
    json outputs = json::array();
    for (const TaintValue& output : s.outputs) {
        outputs.push_back(toJson(output));
    }
    json fieldWrites = json::array();
    for (const FieldWrite& write : s.fieldWrites) {
        fieldWrites.push_back({{"field", write.field}, {"value", toJson(write.value)}});
    }
    j = {{"usr", s.usr},       {"name", s.name},        {"params", s.parameterNames},
         {"sinks", sinks},     {"calls", calls},        {"returned", toJson(s.returned)},
         {"outputs", outputs}, {"fields", fieldWrites}, {"overrides", s.overrides}};
}

void from_json(const json& j, FunctionSummary& s) {
    s.usr = j.at("usr").get<std::string>();
    s.name = j.at("name").get<std::string>();
    s.parameterNames = j.at("params").get<std::vector<std::string>>();
    s.returned = taintValueFromJson(j.at("returned"));
    s.overrides = j.at("overrides").get<std::vector<std::string>>();
    for (const json& output : j.at("outputs")) {
        s.outputs.push_back(taintValueFromJson(output));
    }
    for (const json& write : j.at("fields")) {
        s.fieldWrites.push_back(
            {write.at("field").get<std::string>(), taintValueFromJson(write.at("value"))});
    }
    for (const json& item : j.at("sinks")) {
        s.sinks.push_back({SinkKind(item.at("kind").get<int>()), item.at("sink").get<std::string>(),
                           item.at("at").get<core::SourceLocation>(),
                           taintValueFromJson(item.at("value"))});
    }
    for (const json& item : j.at("calls")) {
        CallSite call{item.at("callee").get<std::string>(),
                      item.at("name").get<std::string>(),
                      item.at("at").get<core::SourceLocation>(),
                      {}};
        for (const json& argument : item.at("args")) {
            call.arguments.push_back(taintValueFromJson(argument));
        }
        s.calls.push_back(std::move(call));
    }
}

} // namespace privaudit::cpp

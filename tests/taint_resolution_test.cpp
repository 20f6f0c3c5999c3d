// The cross-function join of taint summaries, on hand-made summaries (no Clang needed).
#include "analyzers/cpp/taint_resolution.h"

#include <gtest/gtest.h>

namespace privaudit::testing {

namespace {

using namespace cpp;

core::SourceLocation at(int line) {
    return {"bot.cpp", line, 1};
}

Origin source(const std::string& category, int line) {
    Origin origin;
    origin.categories = {category};
    origin.steps = {{at(line), "read from '" + category + "'"}};
    return origin;
}

Origin parameter(int index, int line, std::vector<std::string> categories = {}) {
    Origin origin;
    origin.kind = Origin::Kind::Parameter;
    origin.index = index;
    origin.categories = std::move(categories);
    origin.steps = {{at(line), "parameter"}};
    return origin;
}

Origin callResult(int site, int line) {
    Origin origin;
    origin.kind = Origin::Kind::CallResult;
    origin.index = site;
    origin.steps = {{at(line), "returned by"}};
    return origin;
}

FunctionSummary function(const std::string& name, int parameters = 1) {
    FunctionSummary summary;
    summary.usr = "c:@F@" + name;
    summary.name = name;
    summary.parameterNames.assign(parameters, "value");
    return summary;
}

SinkHit logAt(int line, TaintValue value) {
    return {SinkKind::Log, "spdlog", at(line), std::move(value)};
}

CallSite call(const std::string& callee, int line, std::vector<TaintValue> arguments) {
    return {"c:@F@" + callee, callee, at(line), std::move(arguments)};
}

std::vector<int> sinkLines(const std::vector<ResolvedSink>& sinks) {
    std::vector<int> lines;
    for (const ResolvedSink& sink : sinks) {
        lines.push_back(sink.hit->location.line);
    }
    return lines;
}

TEST(TaintResolution, SourceToSinkInOneFunction) {
    FunctionSummary handler = function("handler", 0);
    handler.sinks = {logAt(10, {source("email", 9)})};
    TaintResolver resolver({handler});
    auto sinks = resolver.resolve();
    ASSERT_EQ(sinks.size(), 1u);
    EXPECT_EQ(sinks[0].categories, std::vector<std::string>{"email"});
    ASSERT_EQ(sinks[0].flows.size(), 1u);
    EXPECT_EQ(sinks[0].flows[0].steps.front().location.line, 9);
    EXPECT_EQ(sinks[0].flows[0].steps.back().message, "reaches spdlog");
}

// handler -> format(email) -> write(line): the sink in write() is reached from handler().
TEST(TaintResolution, ParametersAreFollowedBackThroughEveryCaller) {
    FunctionSummary write = function("write");
    write.sinks = {logAt(3, {parameter(0, 2)})};
    FunctionSummary format = function("format");
    format.calls = {call("write", 6, {{parameter(0, 5)}})};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("format", 10, {{source("phone", 9)}}),
                     call("format", 11, {{}})}; // an order number: nothing
    TaintResolver resolver({write, format, handler});
    auto sinks = resolver.resolve();
    ASSERT_EQ(sinks.size(), 1u);
    ASSERT_EQ(sinks[0].flows.size(), 1u);
    std::vector<int> lines;
    for (const auto& step : sinks[0].flows[0].steps) {
        lines.push_back(step.location.line);
    }
    EXPECT_EQ(lines, (std::vector<int>{9, 10, 5, 6, 2, 3}));
}

// identity(x) returns x: only the call that passes personal data taints its result.
TEST(TaintResolution, CallResultsBindTheCalleesParametersToThatCall) {
    FunctionSummary identity = function("identity");
    identity.returned = {parameter(0, 2)};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("identity", 10, {{source("email", 10)}}), call("identity", 11, {{}})};
    handler.sinks = {logAt(12, {callResult(0, 10)}), logAt(13, {callResult(1, 11)})};
    TaintResolver resolver({identity, handler});
    EXPECT_EQ(sinkLines(resolver.resolve()), std::vector<int>{12});
}

TEST(TaintResolution, SanitizersClearOnlyTheSinksTheyProtect) {
    Origin masked = source("email", 5);
    masked.sanitizedFor = maskOf(SinkKind::Log);
    FunctionSummary handler = function("handler", 0);
    handler.sinks = {logAt(6, {masked}), {SinkKind::Storage, "SQLite", at(7), {masked}}};
    TaintResolver resolver({handler});
    auto sinks = resolver.resolve();
    ASSERT_EQ(sinks.size(), 1u);
    EXPECT_EQ(sinks[0].hit->kind, SinkKind::Storage);
}

TEST(TaintResolution, UncalledFunctionsAreJudgedByTheirParametersNames) {
    FunctionSummary notify = function("notify", 2);
    notify.sinks = {logAt(3, {parameter(0, 2, {"email"}), parameter(1, 2)})};
    TaintResolver resolver({notify});
    auto sinks = resolver.resolve();
    ASSERT_EQ(sinks.size(), 1u);
    EXPECT_EQ(sinks[0].categories, std::vector<std::string>{"email"});
}

// describe(out, phone) writes the phone number into the caller's `out`.
TEST(TaintResolution, OutputParametersCarryWhatTheCalleeWrote) {
    FunctionSummary describe = function("describe", 2);
    describe.outputs = {{parameter(1, 2)}, {}};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("describe", 10, {{}, {source("phone", 9)}}),
                     call("describe", 12, {{}, {}})};
    Origin written = callResult(0, 10);
    written.kind = Origin::Kind::CallOutput;
    written.argument = 0;
    Origin clean = callResult(1, 12);
    clean.kind = Origin::Kind::CallOutput;
    clean.argument = 0;
    handler.sinks = {logAt(11, {written}), logAt(13, {clean})};
    TaintResolver resolver({describe, handler});
    EXPECT_EQ(sinkLines(resolver.resolve()), std::vector<int>{11});
}

// A method stores into a field; another method of the class logs the field.
TEST(TaintResolution, FieldsCarryWhatAnyMethodStored) {
    Origin field;
    field.kind = Origin::Kind::FieldRead;
    field.field = "c:@S@Note@FI@text_";
    field.steps = {{at(20), "read from field 'text_'"}};
    FunctionSummary publish = function("publish", 0);
    publish.sinks = {logAt(21, {field})};
    FunctionSummary setText = function("setText");
    setText.fieldWrites = {{"c:@S@Note@FI@text_", {parameter(0, 5)}}};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("setText", 30, {{source("transcript", 29)}})};
    TaintResolver withWriter({publish, setText, handler});
    EXPECT_EQ(sinkLines(withWriter.resolve()), std::vector<int>{21});
    TaintResolver withoutWriter({publish, handler});
    EXPECT_TRUE(withoutWriter.resolve().empty());
}

// channel.deliver(text) through a base class reaches every override.
TEST(TaintResolution, VirtualCallsReachEveryOverride) {
    FunctionSummary agentDesk = function("AgentDesk::deliver");
    agentDesk.overrides = {"c:@F@Channel::deliver"};
    agentDesk.sinks = {logAt(5, {parameter(0, 4)})};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("Channel::deliver", 10, {{source("transcript", 9)}})};
    TaintResolver resolver({agentDesk, handler});
    EXPECT_EQ(sinkLines(resolver.resolve()), std::vector<int>{5});
}

TEST(TaintResolution, RecursionEnds) {
    FunctionSummary loop = function("loop");
    loop.calls = {call("loop", 3, {{parameter(0, 2)}})};
    loop.returned = {callResult(0, 3)};
    loop.sinks = {logAt(4, {callResult(0, 3), parameter(0, 2)})};
    FunctionSummary handler = function("handler", 0);
    handler.calls = {call("loop", 10, {{source("iban", 9)}})};
    TaintResolver resolver({loop, handler});
    EXPECT_EQ(sinkLines(resolver.resolve()), std::vector<int>{4});
}

TEST(TaintResolution, SummariesSurviveJson) {
    FunctionSummary handler = function("handler", 1);
    handler.sinks = {logAt(10, {source("email", 9), parameter(0, 1, {"phone"})})};
    handler.calls = {call("format", 8, {{callResult(0, 8)}})};
    handler.returned = {source("name", 7)};
    FunctionSummary copy = nlohmann::json(handler).get<FunctionSummary>();
    EXPECT_EQ(nlohmann::json(copy), nlohmann::json(handler));
}

} // namespace

} // namespace privaudit::testing

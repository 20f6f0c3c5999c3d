#pragma once

#include "analyzers/cpp/taint_resolution.h"
#include "core/finding.h"

#include <functional>
#include <string>
#include <string_view>

namespace privaudit::cpp {

// A check on where personal data ends up: one rule for one kind of sink. The taint engine
// finds the flows; the check only says what they mean. Register a check with
//     static core::CheckRegistration<cpp::DataflowCheck, MyCheck> registration;
class DataflowCheck {
public:
    virtual ~DataflowCheck() = default;
    virtual std::string_view ruleId() const = 0;
    virtual SinkKind sinkKind() const = 0;
    // The finding's message, given what data ("e-mail address and phone number") reaches
    // which sink ("spdlog").
    virtual std::string message(const std::string& data, const std::string& sink) const = 0;
};

// "e-mail address", "phone number" ... for the categories of personal data.
using CategoryNamer = std::function<std::string(std::string_view category)>;

// The finding for `sink`: at the sink, with each flow as a code flow and each source as a
// related location.
core::Finding dataflowFinding(const DataflowCheck& check, const ResolvedSink& sink,
                              const CategoryNamer& nameCategory);

} // namespace privaudit::cpp

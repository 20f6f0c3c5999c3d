#pragma once

#include "analyzers/runtime/probe/canary_matcher.h"
#include "analyzers/runtime/probe/mock_llm.h"
#include "analyzers/runtime/probe/probe_run.h"
#include "analyzers/runtime/probe/written_files.h"
#include "core/finding.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::checks {

// Everything a probe run saw, for the probe's checks to judge.
struct ProbeEvidence {
    const runtime::probe::ProbeRun& run;
    std::string target;         // how findings name the bot, e.g. its URL
    std::string transcriptPath; // the JSON-lines record of `run.turns`, one line per turn
    std::vector<runtime::probe::WrittenFile> written;      // what the bot wrote (--watch, --log)
    std::vector<runtime::probe::UpstreamRequest> upstream; // what it sent to --mock-llm
    std::string upstreamPath; // the JSON-lines record of `upstream`, one line per request
};

// One rule judged on a probe run, clang-tidy style: a check's .cpp defines
//     static core::CheckRegistration<ProbeCheck, CrossSessionLeakCheck> registration;
class ProbeCheck {
public:
    virtual ~ProbeCheck() = default;
    virtual std::string_view ruleId() const = 0;
    virtual std::vector<core::Finding> check(const ProbeEvidence& evidence) const = 0;
};

// The whole line of the transcript that records turn `index`.
core::SourceLocation transcriptLocation(const ProbeEvidence& evidence, size_t index);

// "TARGET#c2/turn-5": how a finding names the turn as a logical location.
core::LogicalLocation turnLogicalLocation(const ProbeEvidence& evidence,
                                          const runtime::probe::Turn& turn);

// The first turn in which `customer` sent the value of `kind`, if it did.
std::optional<size_t> turnWhereSent(const runtime::probe::ProbeRun& run, int customer,
                                    runtime::probe::CanaryKind kind);

// "replay with --seed 7 --customers 4 --rounds 6, schedule step 12": how to see the turn again
// (runtime::probe::replayOptions).
std::string replayHint(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn);

// A canary the bot showed in its reply to a customer's own session.
struct ReplyCanary {
    size_t turnIndex;
    const runtime::probe::Turn& turn;
    const runtime::probe::ReplyPart& part;
    const runtime::probe::CanaryMatch& match;
};

// Every canary in the replies to customers, in turn order, in any form the matcher knows. The
// second client's turns are left out: runtime/session-id-reuse judges those.
void forEachReplyCanary(const runtime::probe::ProbeRun& run,
                        const std::function<void(const ReplyCanary&)>& visit);

// The finding that `shown.turn`'s reply showed the canary: located at the turn's transcript
// line, related to the turn in which its owner (the victim) sent it, with the properties
// victim, observer, sink, canaryType, transformation, seed, step and replies (1; a check that
// keeps one finding per key counts the repeats there).
core::Finding replyCanaryFinding(const ProbeEvidence& evidence, std::string_view ruleId,
                                 const ReplyCanary& shown, std::string message);

// "builtin:en line 23": where the scenario defines the turn that `turn` followed.
std::string scenarioPlace(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn);

} // namespace privaudit::checks

#pragma once

#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/chat_adapter.h"
#include "analyzers/runtime/probe/scenario.h"
#include "analyzers/runtime/probe/schedule.h"

#include <cstdint>
#include <string>
#include <vector>

namespace privaudit::runtime::probe {

struct ProbeSettings {
    int customers = 8;
    int rounds = 12;
    std::uint64_t seed = 1;
    int maxBurst = defaultMaxBurst; // the most messages sent at the same moment
    // Stop after this many steps in a row in which no message got a reply: a target that
    // crashed or hangs then costs a few timeouts, not one per remaining message.
    int giveUpAfterFailedSteps = 3;
};

// One message a customer sent and what came back.
struct Turn {
    int step = 0; // 1-based index into the schedule
    int customer = 0;
    int round = 0; // 0-based: the customer's how-many-th message
    Intent intent = Intent::Other;
    // Sent after the run by a second client that reuses the customer's session id, not by the
    // customer: runtime/session-id-reuse judges these, the other checks skip them.
    bool secondClient = false;
    std::string message;
    std::vector<ReplyPart> reply;
    std::string error; // why there is no reply, empty when there is one
};

struct ProbeRun {
    std::vector<SyntheticCustomer> customers;
    Schedule schedule;
    Scenario scenario;
    // In schedule order, a burst's turns by customer; then the second client's turns, one per
    // customer in customer order.
    std::vector<Turn> turns;
    bool gaveUp = false; // stopped early: the target stopped answering
};

// Talks to the bot through `bot` as the seed's customers, following the seed's schedule and
// the scenario; a burst's messages are sent from one thread each, at once. A turn that fails
// is recorded with its error and the run goes on, unless the target stopped answering
// altogether (see ProbeSettings::giveUpAfterFailedSteps).
ProbeRun runProbe(const ProbeSettings& settings, const Scenario& scenario, ChatAdapter& bot);

// runtime/session-id-reuse's test, after the run: `secondClient` (ChatAdapter::secondClient)
// sends the scenario's first ask-own-data message once in every customer's conversation, one
// customer after the other; its turns are appended to `run.turns`. Nothing when the scenario
// has no such turn or the run gave up.
void reuseSessions(const ProbeSettings& settings, ProbeRun& run, ChatAdapter& secondClient);

// The sender id of a customer: unique per seed, so runs with other seeds do not share state.
std::string senderId(std::uint64_t seed, const SyntheticCustomer& customer);

// "--seed 7 --customers 4 --rounds 6 --max-burst 1 --scenario builtin:de": the options that
// make the probe send the same messages in the same order again, those left at their default
// (--max-burst, --scenario) left out.
std::string replayOptions(const ProbeRun& run);

// One turn as one line of JSON, without the line break.
std::string transcriptLine(const ProbeRun& run, const Turn& turn);

// The run as JSON lines, one per turn, in `turns` order: the record a finding's line points
// into. Holds the synthetic canaries, which are no one's personal data.
std::string transcriptJsonLines(const ProbeRun& run);

} // namespace privaudit::runtime::probe

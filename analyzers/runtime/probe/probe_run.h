#pragma once

#include "analyzers/runtime/probe/canaries.h"
#include "analyzers/runtime/probe/chat_adapter.h"
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
    std::string message;
    std::vector<ReplyPart> reply;
    std::string error; // why there is no reply, empty when there is one
};

struct ProbeRun {
    std::vector<SyntheticCustomer> customers;
    Schedule schedule;
    std::vector<Turn> turns; // in schedule order; a burst's turns by customer
    bool gaveUp = false;     // stopped early: the target stopped answering
};

// Talks to the bot through `bot` as the seed's customers, following the seed's schedule; a
// burst's messages are sent from one thread each, at once. A turn that fails is recorded with
// its error and the run goes on, unless the target stopped answering altogether (see
// ProbeSettings::giveUpAfterFailedSteps).
ProbeRun runProbe(const ProbeSettings& settings, ChatAdapter& bot);

// The sender id of a customer: unique per seed, so runs with other seeds do not share state.
std::string senderId(std::uint64_t seed, const SyntheticCustomer& customer);

// One turn as one line of JSON, without the line break.
std::string transcriptLine(const ProbeRun& run, const Turn& turn);

// The run as JSON lines, one per turn, in `turns` order: the record a finding's line points
// into. Holds the synthetic canaries, which are no one's personal data.
std::string transcriptJsonLines(const ProbeRun& run);

} // namespace privaudit::runtime::probe

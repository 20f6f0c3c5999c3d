#include "checks/runtime/probe_check.h"

namespace privaudit::checks {

core::SourceLocation transcriptLocation(const ProbeEvidence& evidence, size_t index) {
    int line = static_cast<int>(index + 1);
    int width = static_cast<int>(
        runtime::probe::transcriptLine(evidence.run, evidence.run.turns[index]).size());
    return {evidence.transcriptPath, line, 1, line, width + 1};
}

core::LogicalLocation turnLogicalLocation(const ProbeEvidence& evidence,
                                          const runtime::probe::Turn& turn) {
    return {evidence.target + "#" + evidence.run.customers[static_cast<size_t>(turn.customer)].id +
                "/turn-" + std::to_string(turn.round + 1),
            "object"};
}

std::optional<size_t> turnWhereSent(const runtime::probe::ProbeRun& run, int customer,
                                    runtime::probe::CanaryKind kind) {
    const std::string& value = run.customers[static_cast<size_t>(customer)].canary(kind).value;
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const runtime::probe::Turn& turn = run.turns[i];
        if (turn.customer == customer && !turn.secondClient &&
            turn.message.find(value) != std::string::npos) {
            return i;
        }
    }
    return std::nullopt;
}

std::string scenarioPlace(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn) {
    return run.scenario.source + " line " + std::to_string(run.scenario.turnFor(turn.round).line);
}

std::string replayHint(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn) {
    return "replay with " + runtime::probe::replayOptions(run) + ", schedule step " +
           std::to_string(turn.step);
}

} // namespace privaudit::checks

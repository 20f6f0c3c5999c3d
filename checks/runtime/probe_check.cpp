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

void forEachReplyCanary(const runtime::probe::ProbeRun& run,
                        const std::function<void(const ReplyCanary&)>& visit) {
    runtime::probe::CanaryMatcher matcher(run.customers);
    for (size_t i = 0; i < run.turns.size(); ++i) {
        const runtime::probe::Turn& turn = run.turns[i];
        if (turn.secondClient) {
            continue;
        }
        for (const runtime::probe::ReplyPart& part : turn.reply) {
            for (const runtime::probe::CanaryMatch& match : matcher.find(part.text)) {
                visit({i, turn, part, match});
            }
        }
    }
}

core::Finding replyCanaryFinding(const ProbeEvidence& evidence, std::string_view ruleId,
                                 const ReplyCanary& shown, std::string message) {
    const runtime::probe::ProbeRun& run = evidence.run;
    const std::string& victim = run.customers[static_cast<size_t>(shown.match.customer)].id;
    const std::string& observer = run.customers[static_cast<size_t>(shown.turn.customer)].id;
    std::string category = runtime::probe::canaryCategory(shown.match.kind);

    core::Finding finding;
    finding.ruleId = ruleId;
    finding.message = std::move(message);
    finding.location = transcriptLocation(evidence, shown.turnIndex);
    finding.logicalLocation = turnLogicalLocation(evidence, shown.turn);
    if (auto sent = turnWhereSent(run, shown.match.customer, shown.match.kind)) {
        finding.related.push_back({transcriptLocation(evidence, *sent),
                                   "customer " + victim + " sent the " +
                                       runtime::probe::canaryKindName(shown.match.kind) + " here"});
    }
    finding.categories = {category};
    finding.properties = {
        {"victim", victim},
        {"observer", observer},
        {"sink", "reply " + shown.part.field},
        {"canaryType", category},
        {"transformation", shown.match.transformation},
        {"seed", std::to_string(run.schedule.seed)},
        {"step", static_cast<double>(shown.turn.step)},
        {"replies", 1.0},
    };
    return finding;
}

std::string scenarioPlace(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn) {
    return run.scenario.source + " line " + std::to_string(run.scenario.turnFor(turn.round).line);
}

std::string replayHint(const runtime::probe::ProbeRun& run, const runtime::probe::Turn& turn) {
    return "replay with " + runtime::probe::replayOptions(run) + ", schedule step " +
           std::to_string(turn.step);
}

} // namespace privaudit::checks

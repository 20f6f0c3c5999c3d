#include "analyzers/runtime/probe/probe_run.h"

#include "core/shell_quote.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

namespace privaudit::runtime::probe {

std::string senderId(std::uint64_t seed, const SyntheticCustomer& customer) {
    return "privaudit-probe-" + std::to_string(seed) + "-" + customer.id;
}

ProbeRun runProbe(const ProbeSettings& settings, const Scenario& scenario, ChatAdapter& bot) {
    ProbeRun run{
        generateCustomers(settings.seed, settings.customers),
        makeSchedule(settings.seed, settings.customers, settings.rounds, settings.maxBurst),
        scenario,
        {}};
    std::vector<int> spoken(static_cast<size_t>(settings.customers), 0);
    int failedSteps = 0;
    for (size_t s = 0; s < run.schedule.steps.size(); ++s) {
        if (failedSteps >= settings.giveUpAfterFailedSteps) {
            run.gaveUp = true;
            break;
        }
        const std::vector<int>& step = run.schedule.steps[s];
        std::vector<Turn> burst;
        for (int c : step) {
            const SyntheticCustomer& customer = run.customers[static_cast<size_t>(c)];
            int round = spoken[static_cast<size_t>(c)]++;
            const ScenarioTurn& planned = scenario.turnFor(round);
            burst.push_back({static_cast<int>(s + 1),
                             c,
                             round,
                             planned.intent,
                             false,
                             renderMessage(planned, customer),
                             {},
                             {}});
        }
        auto talk = [&](Turn& turn) {
            try {
                turn.reply = bot.send(
                    senderId(settings.seed, run.customers[static_cast<size_t>(turn.customer)]),
                    turn.message);
            } catch (const std::exception& error) {
                turn.error = error.what();
            }
        };
        {
            std::vector<std::jthread> threads;
            for (size_t i = 1; i < burst.size(); ++i) {
                threads.emplace_back(talk, std::ref(burst[i]));
            }
            talk(burst.front());
        }
        bool answered = std::ranges::any_of(burst, [](const Turn& t) { return t.error.empty(); });
        failedSteps = answered ? 0 : failedSteps + 1;
        std::ranges::move(burst, std::back_inserter(run.turns));
    }
    return run;
}

void reuseSessions(const ProbeSettings& settings, ProbeRun& run, ChatAdapter& secondClient) {
    const ScenarioTurn* ask = run.scenario.askOwnDataTurn();
    if (!ask || run.gaveUp) {
        return;
    }
    std::vector<int> spoken(run.customers.size(), 0);
    for (const Turn& turn : run.turns) {
        ++spoken[static_cast<size_t>(turn.customer)];
    }
    int step = static_cast<int>(run.schedule.steps.size());
    for (size_t c = 0; c < run.customers.size(); ++c) {
        Turn turn{++step, static_cast<int>(c), spoken[c], ask->intent, true, ask->message, {}, {}};
        try {
            turn.reply = secondClient.send(senderId(settings.seed, run.customers[c]), turn.message);
        } catch (const std::exception& error) {
            turn.error = error.what();
        }
        run.turns.push_back(std::move(turn));
    }
}

std::string replayOptions(const ProbeRun& run) {
    const Schedule& schedule = run.schedule;
    std::string options = "--seed " + std::to_string(schedule.seed) + " --customers " +
                          std::to_string(schedule.customers) + " --rounds " +
                          std::to_string(schedule.rounds);
    if (schedule.maxBurst != defaultMaxBurst) {
        options += " --max-burst " + std::to_string(schedule.maxBurst);
    }
    if (run.scenario.source != "builtin:en") {
        options += " --scenario " + core::shellQuoted(run.scenario.source);
    }
    return options;
}

std::string transcriptLine(const ProbeRun& run, const Turn& turn) {
    nlohmann::json reply = nlohmann::json::array();
    for (const ReplyPart& part : turn.reply) {
        reply.push_back({{"field", part.field}, {"text", part.text}});
    }
    nlohmann::json line = {
        {"step", turn.step},
        {"customer", run.customers[static_cast<size_t>(turn.customer)].id},
        {"round", turn.round + 1},
        {"intent", intentName(turn.intent)},
        {"message", turn.message},
        {"reply", reply},
    };
    if (turn.secondClient) {
        line["client"] = "second";
    }
    if (!turn.error.empty()) {
        line["error"] = turn.error;
    }
    return line.dump();
}

std::string transcriptJsonLines(const ProbeRun& run) {
    std::string lines;
    for (const Turn& turn : run.turns) {
        lines += transcriptLine(run, turn) + "\n";
    }
    return lines;
}

} // namespace privaudit::runtime::probe

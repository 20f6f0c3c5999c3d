#include "analyzers/runtime/probe/schedule.h"

#include <algorithm>
#include <random>

namespace privaudit::runtime::probe {

namespace {

constexpr std::uint64_t scheduleStream = 0x5c4ed0e;

} // namespace

std::string Schedule::describe() const {
    std::string text;
    for (const std::vector<int>& step : steps) {
        text += text.empty() ? "" : " ";
        text += step.size() > 1 ? "[" : "";
        for (size_t i = 0; i < step.size(); ++i) {
            text += (i ? "+c" : "c") + std::to_string(step[i] + 1);
        }
        text += step.size() > 1 ? "]" : "";
    }
    return text;
}

Schedule makeSchedule(std::uint64_t seed, int customers, int rounds, int maxBurst) {
    // Its own stream, so that the same seed gives the same customers whatever the schedule.
    std::mt19937_64 engine(seed ^ scheduleStream);
    Schedule schedule{seed, customers, rounds, maxBurst, {}};
    std::vector<int> left(static_cast<size_t>(customers), rounds);
    for (;;) {
        std::vector<int> waiting;
        for (int c = 0; c < customers; ++c) {
            if (left[static_cast<size_t>(c)] > 0) {
                waiting.push_back(c);
            }
        }
        if (waiting.empty()) {
            return schedule;
        }
        // Half of the steps are bursts of 2 to maxBurst customers, when that many are still
        // talking; maxBurst 1 makes the run sequential.
        size_t size = 1;
        if (waiting.size() > 1 && maxBurst > 1 && engine() % 2 == 0) {
            size = 2 +
                   engine() % (std::min<size_t>(waiting.size(), static_cast<size_t>(maxBurst)) - 1);
        }
        for (size_t i = 0; i < size; ++i) {
            std::swap(waiting[i], waiting[i + engine() % (waiting.size() - i)]);
        }
        std::vector<int> step(waiting.begin(), waiting.begin() + static_cast<long>(size));
        std::ranges::sort(step);
        for (int c : step) {
            --left[static_cast<size_t>(c)];
        }
        schedule.steps.push_back(std::move(step));
    }
}

} // namespace privaudit::runtime::probe

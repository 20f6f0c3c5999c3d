#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace privaudit::runtime::probe {

constexpr int defaultMaxBurst = 4;

// The order in which customers speak: each step is one customer's next turn or a burst of
// several customers' turns sent at the same moment. Each customer speaks `rounds` times, in
// its own order; how customers interleave and which bursts happen follows from the seed.
struct Schedule {
    std::uint64_t seed = 0;
    int customers = 0;
    int rounds = 0;
    int maxBurst = defaultMaxBurst;
    std::vector<std::vector<int>> steps; // customer indices, sorted within a burst

    // "c1 c3 [c2+c4] c1 ...": the whole schedule on one line, for replaying a failure.
    std::string describe() const;
};

// Bursts hold 2 to `maxBurst` customers (at most as many as are still talking); with
// `maxBurst` 1 customers speak one at a time.
Schedule makeSchedule(std::uint64_t seed, int customers, int rounds,
                      int maxBurst = defaultMaxBurst);

} // namespace privaudit::runtime::probe

#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace privaudit::core {

struct JobOutcome {
    enum class Status { Finished, Crashed, TimedOut };
    Status status = Status::Finished;
    std::string output; // what the job returned (Finished only)
    int signal = 0;     // the signal that ended a crashed job
    int exitCode = 0;
};

// Runs `job(0) ... job(count - 1)`, each in its own forked process, at most `parallel` at a
// time, so a job that crashes, aborts or hangs cannot take the caller down. A job past
// `timeLimit` is killed. The job's return value travels back through a pipe.
std::vector<JobOutcome> runIsolatedJobs(size_t count, unsigned parallel,
                                        std::chrono::milliseconds timeLimit,
                                        const std::function<std::string(size_t)>& job);

} // namespace privaudit::core

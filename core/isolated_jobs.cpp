#include "core/isolated_jobs.h"

#include "core/interruption.h"
#include "core/write_all.h"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace privaudit::core {

namespace {

using Clock = std::chrono::steady_clock;

struct RunningJob {
    size_t index;
    pid_t pid;
    int readFd;
    Clock::time_point deadline;
    std::string output;
    bool killedForTime = false;
};

// In the child: run the job, send its output, and leave without running the parent's
// atexit handlers or flushing its stdio buffers twice.
[[noreturn]] void runChild(int writeFd, size_t index,
                           const std::function<std::string(size_t)>& job) {
    std::string output;
    int status = 0;
    try {
        output = job(index);
    } catch (...) {
        status = 70;
    }
    writeAll(writeFd, output);
    ::close(writeFd);
    ::_exit(status);
}

bool start(size_t index, std::chrono::milliseconds timeLimit,
           const std::function<std::string(size_t)>& job, std::vector<RunningJob>& running) {
    int fds[2];
    if (::pipe(fds) != 0) {
        return false;
    }
    InterruptionsDeferred deferred; // so an interruption cannot miss the new process
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (pid == 0) {
        restoreDefaultInterruptionHandling();
        ::close(fds[0]);
        runChild(fds[1], index, job);
    }
    ::close(fds[1]);
    trackChildProcess(pid);
    running.push_back({index, pid, fds[0], Clock::now() + timeLimit, {}, false});
    return true;
}

JobOutcome finish(RunningJob& job) {
    int status = 0;
    while (::waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {
    }
    untrackChildProcess(job.pid);
    JobOutcome outcome;
    if (job.killedForTime) {
        outcome.status = JobOutcome::Status::TimedOut;
    } else if (WIFSIGNALED(status)) {
        outcome.status = JobOutcome::Status::Crashed;
        outcome.signal = WTERMSIG(status);
    } else {
        outcome.exitCode = WEXITSTATUS(status);
        outcome.status =
            outcome.exitCode == 0 ? JobOutcome::Status::Finished : JobOutcome::Status::Crashed;
        outcome.output = std::move(job.output);
    }
    return outcome;
}

// Reads what the running jobs sent; returns when one of them closed its pipe or the poll
// interval passed. Kills jobs past their deadline.
void pump(std::vector<RunningJob>& running, std::vector<JobOutcome>& outcomes) {
    std::vector<pollfd> fds;
    for (const RunningJob& job : running) {
        fds.push_back({job.readFd, POLLIN, 0});
    }
    ::poll(fds.data(), fds.size(), 100);
    auto now = Clock::now();
    for (size_t i = running.size(); i-- > 0;) {
        RunningJob& job = running[i];
        bool closed = false;
        if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[65536];
            ssize_t n = ::read(job.readFd, buffer, sizeof buffer);
            if (n > 0) {
                job.output.append(buffer, static_cast<size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                closed = true;
            }
        }
        if (!closed && now > job.deadline && !job.killedForTime) {
            ::kill(job.pid, SIGKILL);
            job.killedForTime = true;
        }
        if (closed) {
            ::close(job.readFd);
            outcomes[job.index] = finish(job);
            running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
}

} // namespace

std::vector<JobOutcome> runIsolatedJobs(size_t count, unsigned parallel,
                                        std::chrono::milliseconds timeLimit,
                                        const std::function<std::string(size_t)>& job) {
    std::vector<JobOutcome> outcomes(count);
    std::vector<RunningJob> running;
    size_t next = 0;
    parallel = parallel == 0 ? 1 : parallel;
    while (next < count || !running.empty()) {
        while (next < count && running.size() < parallel) {
            if (!start(next, timeLimit, job, running)) {
                outcomes[next] = {JobOutcome::Status::Crashed, {}, 0, -1};
            }
            ++next;
        }
        if (!running.empty()) {
            pump(running, outcomes);
        }
    }
    return outcomes;
}

} // namespace privaudit::core

#pragma once

#include <csignal>
#include <sys/types.h>

namespace privaudit::core {

// From here on SIGINT and SIGTERM end privaudit cleanly: the job processes still running are
// killed, no temporary report file stays behind (writeFileAtomically defers the signals), and
// the process then dies of the signal, so a shell sees the conventional 130 or 143.
void handleInterruptions();

// Job processes to kill when privaudit is interrupted.
void trackChildProcess(pid_t pid);
void untrackChildProcess(pid_t pid);

// In a forked job process: the default handling again, nothing held back (the parent kills it).
void restoreDefaultInterruptionHandling();

// Holds SIGINT and SIGTERM back while it lives; a pending one is acted on afterwards.
class InterruptionsDeferred {
public:
    InterruptionsDeferred();
    ~InterruptionsDeferred();
    InterruptionsDeferred(const InterruptionsDeferred&) = delete;
    InterruptionsDeferred& operator=(const InterruptionsDeferred&) = delete;

private:
    sigset_t previous_;
};

} // namespace privaudit::core

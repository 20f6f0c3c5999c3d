#include "core/interruption.h"

#include <array>
#include <atomic>
#include <signal.h>

namespace privaudit::core {

namespace {

// A fixed table the signal handler can read without locks or allocation.
std::array<std::atomic<pid_t>, 1024> trackedChildren;

void onInterruption(int signal) {
    for (const auto& slot : trackedChildren) {
        if (pid_t pid = slot.load(); pid > 0) {
            ::kill(pid, SIGKILL);
        }
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal); // delivered when the handler returns: the process ends by the signal
}

sigset_t interruptionSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

} // namespace

void handleInterruptions() {
    struct sigaction action = {};
    action.sa_handler = onInterruption;
    action.sa_mask = interruptionSignals();
    for (int signal : {SIGINT, SIGTERM}) {
        struct sigaction previous = {};
        ::sigaction(signal, nullptr, &previous);
        if (previous.sa_handler != SIG_IGN) { // ignored on entry (nohup, `&`): stays ignored
            ::sigaction(signal, &action, nullptr);
        }
    }
}

void trackChildProcess(pid_t pid) {
    for (auto& slot : trackedChildren) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, pid)) {
            return;
        }
    }
}

void untrackChildProcess(pid_t pid) {
    for (auto& slot : trackedChildren) {
        pid_t expected = pid;
        if (slot.compare_exchange_strong(expected, 0)) {
            return;
        }
    }
}

void restoreDefaultInterruptionHandling() {
    for (auto& slot : trackedChildren) {
        slot.store(0);
    }
    for (int signal : {SIGINT, SIGTERM}) {
        ::signal(signal, SIG_DFL);
    }
    sigset_t signals = interruptionSignals();
    ::pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
}

InterruptionsDeferred::InterruptionsDeferred() {
    sigset_t signals = interruptionSignals();
    ::pthread_sigmask(SIG_BLOCK, &signals, &previous_);
}

InterruptionsDeferred::~InterruptionsDeferred() {
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

} // namespace privaudit::core

#include "guard/Watchdog.h"

#include <signal.h>
#include <unistd.h>

#include <system_error>

namespace temporal {

Watchdog::~Watchdog() {
    if (threadOwner_ != getpid()) {
        return;  // none, or the parent's: it does not exist in this process
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_one();
    pthread_join(thread_, nullptr);
}

void Watchdog::arm(int64_t budgetMs) {
    Clock::time_point now = Clock::now();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        armed_ = true;
        armedAt_ = now;
        deadline_ = now + std::chrono::milliseconds(budgetMs);
    }
    if (threadOwner_ == 0) {
        int error = startThread();
        if (error != 0) {
            disarm();
            throw std::system_error(error, std::generic_category(), "cannot start the deadlock watchdog thread");
        }
        threadOwner_ = getpid();
    } else {
        changed_.notify_one();
    }
}

void Watchdog::disarm() {
    // No notify: the thread wakes at the old deadline, finds nothing armed and sleeps until the next arm().
    std::lock_guard<std::mutex> lock(mutex_);
    armed_ = false;
}

int Watchdog::startThread() {
    // The thread inherits the mask it is created with: blocking the asynchronous signals here keeps a signal
    // sent to the process (Ctrl-C, a pcntl handler's) for PHP's thread, as the bridge does for the core's threads.
    // The faults a thread raises itself stay open.
    sigset_t blocked;
    sigset_t previous;
    sigfillset(&blocked);
    for (int fault : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS}) {
        sigdelset(&blocked, fault);
    }
    pthread_sigmask(SIG_BLOCK, &blocked, &previous);
    int error = pthread_create(&thread_, nullptr, &Watchdog::threadMain, this);
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return error;
}

void* Watchdog::threadMain(void* self) {
    static_cast<Watchdog*>(self)->run();
    return nullptr;
}

void Watchdog::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        if (!armed_) {
            changed_.wait(lock);
            continue;
        }
        Clock::time_point now = Clock::now();
        if (now < deadline_) {
            changed_.wait_until(lock, deadline_);
            continue;
        }
        auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - armedAt_).count();
        fire_(static_cast<int64_t>(elapsed));
        // Still armed past the deadline: fire again until the guard is left.
        deadline_ = now + std::chrono::milliseconds(kRefireMs);
    }
}

}  // namespace temporal

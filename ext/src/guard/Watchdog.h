// The deadlock watchdog: one thread per process, made on first arm(), that calls `fire` when the guard stays
// armed past its deadline, and again every kRefireMs while it still is. Plain C++: no Zend here.
#ifndef TEMPORAL_WATCHDOG_H
#define TEMPORAL_WATCHDOG_H

#include <pthread.h>
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace temporal {

class Watchdog {
public:
    using Clock = std::chrono::steady_clock;
    // Called on the watchdog thread with the time armed so far; must be async-safe for the PHP thread (it
    // only stores atomics).
    using Fire = void (*)(int64_t elapsedMs);

    static constexpr int64_t kRefireMs = 20;

    explicit Watchdog(Fire fire) : fire_(fire) {}
    ~Watchdog();  // stops and joins the thread, if this process started one

    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // PHP thread. Arms for `budgetMs` from now, starting the thread if needed; throws std::system_error if
    // it cannot be started.
    void arm(int64_t budgetMs);
    void disarm();

    // The pid that made the thread, or 0 when none runs.
    pid_t threadOwner() const { return threadOwner_; }

private:
    // pthread_create with the asynchronous signals blocked in the new thread; 0 or the error.
    int startThread();
    static void* threadMain(void* self);
    void run();

    Fire fire_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool armed_ = false;
    bool stopping_ = false;
    Clock::time_point armedAt_;
    Clock::time_point deadline_;
    // A raw pthread, not std::thread: std::thread hands its new thread a heap block, which a forked child
    // (where that thread does not exist) would report as lost.
    pthread_t thread_{};
    pid_t threadOwner_ = 0;
};

}  // namespace temporal

#endif

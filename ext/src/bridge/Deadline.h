// A point in time that waits count down to. Plain C++.
#ifndef TEMPORAL_DEADLINE_H
#define TEMPORAL_DEADLINE_H

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>

namespace temporal {

class Deadline {
public:
    // No limit: remainingMs() is always the longest single wait.
    static Deadline never() { return Deadline(std::nullopt); }

    static Deadline in(uint32_t ms) { return Deadline(Clock::now() + std::chrono::milliseconds(ms)); }

    bool passed() const { return at_ && Clock::now() >= *at_; }

    // What is left, in whole milliseconds rounded up so a wait never ends just before the deadline.
    uint32_t remainingMs() const {
        if (!at_) {
            return kLongestWaitMs;
        }
        auto left = std::chrono::ceil<std::chrono::milliseconds>(*at_ - Clock::now()).count();
        return static_cast<uint32_t>(std::clamp<int64_t>(left, 0, kLongestWaitMs));
    }

private:
    using Clock = std::chrono::steady_clock;

    // An unlimited wait is a loop of long ones; each one re-checks its condition when it ends.
    static constexpr uint32_t kLongestWaitMs = 60 * 60 * 1000;

    explicit Deadline(std::optional<Clock::time_point> at) : at_(at) {}

    std::optional<Clock::time_point> at_;
};

}  // namespace temporal

#endif

// The wait/wake seam: how the PHP thread waits for the completion queue to become non-empty.
//
// BlockingWaker (stock PHP) blocks the thread on the queue's condvar. TrueAsyncWaker (the TrueAsync fork)
// suspends the current coroutine on a trigger event that the queue's waker hook fires from a Tokio thread.
#ifndef TEMPORAL_WAKE_WAKER_H
#define TEMPORAL_WAKE_WAKER_H

#include <cstdint>
#include <memory>

#include "temporal_bridge.h"

namespace temporal {

class Waker {
public:
    virtual ~Waker() = default;

    // Binds the waker to `queue`, installing a hook with tb_queue_set_waker if it needs one.
    // MUST be called on the PHP thread, once, before wait().
    // The hook it installs MUST NOT touch Zend or PHP state: it runs on a Tokio thread and may only use
    // atomics or a thread-safe trigger (uv_async_send).
    virtual void attach(TbQueue* queue) = 0;

    // Unbinds from the queue. MUST NOT return while the hook may still run (tb_queue_set_waker(q, NULL, NULL)
    // blocks until it cannot); after it returns the waker holds nothing that the hook could use.
    // MUST be called on the PHP thread before the queue is freed.
    virtual void detach() = 0;

    // Waits until the queue may be non-empty or `timeoutMs` passes. MAY return early or spuriously: callers
    // drain and re-check. MUST NOT pop completions. MUST be called on the PHP thread.
    // Returns false when the wait was interrupted by a pending PHP exception (a cancelled coroutine); the
    // caller MUST then stop waiting and return to PHP at once.
    virtual bool wait(uint32_t timeoutMs) = 0;
};

std::unique_ptr<Waker> makeBlockingWaker();

#ifdef TEMPORAL_WITH_TRUEASYNC
std::unique_ptr<Waker> makeTrueAsyncWaker();
#endif

// The waker this build uses: TrueAsync's when configured --with-trueasync, otherwise blocking.
inline std::unique_ptr<Waker> makeWaker() {
#ifdef TEMPORAL_WITH_TRUEASYNC
    return makeTrueAsyncWaker();
#else
    return makeBlockingWaker();
#endif
}

}  // namespace temporal

#endif

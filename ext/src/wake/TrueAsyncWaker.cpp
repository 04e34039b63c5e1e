// ============================================================================================================
//  TrueAsync ONLY. The single file of this extension that uses the TrueAsync engine API (Zend/zend_async_API.h
//  of the true-async/php-src fork). Compiled only when configured --with-trueasync; the stock build never
//  sees it (config.m4 leaves it out and the #if below empties it). Checked by a scratch compile only
//  (scripts/check-trueasync-waker.sh, docs/DESIGN.md): the fork does not run on the project's machines.
// ============================================================================================================
#ifdef TEMPORAL_WITH_TRUEASYNC

#include <utility>

#include "php.h"
#include "Zend/zend_async_API.h"

#include "wake/Waker.h"

// The fork's API is 0.x and changes shape between minor versions (0.8 -> 0.23 turned zend_async_waker_new()
// into ZEND_ASYNC_WAKER_NEW() and made suspend, resume_when and event dispose return bool), so the build
// accepts only the ABI this file was compiled against.
#define TEMPORAL_TRUEASYNC_ABI(major, minor, patch) (((major) << 16) | ((minor) << 8) | (patch))
#define TEMPORAL_TRUEASYNC_ABI_OLDEST TEMPORAL_TRUEASYNC_ABI(0, 23, 0)
#define TEMPORAL_TRUEASYNC_ABI_NEWER_THAN_CHECKED TEMPORAL_TRUEASYNC_ABI(0, 24, 0)

#if !defined(ZEND_ASYNC_API_VERSION_NUMBER)
#error "--with-trueasync: Zend/zend_async_API.h defines no ZEND_ASYNC_API_VERSION_NUMBER; build against the true-async/php-src fork"
#elif ZEND_ASYNC_API_VERSION_NUMBER < TEMPORAL_TRUEASYNC_ABI_OLDEST
#error "--with-trueasync needs TrueAsync ABI 0.23.0 or newer (ZEND_ASYNC_WAKER_NEW, bool results); this fork's is older"
#elif ZEND_ASYNC_API_VERSION_NUMBER >= TEMPORAL_TRUEASYNC_ABI_NEWER_THAN_CHECKED
#ifndef TEMPORAL_TRUEASYNC_UNCHECKED_ABI
#error "--with-trueasync was checked against TrueAsync ABI 0.23.x only; this fork's ABI is newer: run scripts/check-trueasync-waker.sh against it, re-read its waker, suspend and trigger-event API, then raise TEMPORAL_TRUEASYNC_ABI_NEWER_THAN_CHECKED (or build with -DTEMPORAL_TRUEASYNC_UNCHECKED_ABI to try it as is)"
#else
#warning "TrueAsyncWaker: building against a TrueAsync ABI newer than 0.23.x, which it was not checked against"
#endif
#endif

namespace temporal {
namespace {

// The queue's waker hook: runs on a Tokio thread under the queue's waker lock. trigger() is uv_async_send
// underneath, the one TrueAsync call that is safe from a foreign thread; it coalesces repeated fires.
extern "C" void fireTrigger(void* ctx) {
    auto* trigger = static_cast<zend_async_trigger_event_t*>(ctx);
    trigger->trigger(trigger);
}

bool inCoroutine() {
    return ZEND_ASYNC_IS_ACTIVE && ZEND_ASYNC_CURRENT_COROUTINE != nullptr && !ZEND_ASYNC_IS_SCHEDULER_CONTEXT;
}

// Lifetimes, which the reactor dictates:
//  - The trigger event wraps a libuv handle of the reactor's loop. The reactor shuts down at the end of the
//    request, after the modules' RSHUTDOWN, and closing a handle after that touches a dead (or re-initialised)
//    loop. So the trigger exists only while at least one coroutine waits on it: the first waiter creates it
//    and installs the queue hook, the last one to leave removes the hook and drops it, inside its coroutine,
//    where the reactor is known to run. detach() never closes it.
//  - Each waiting coroutine's waker holds its own reference to the trigger (resume_when with trans_event =
//    false) and drops it when cleaned, so the trigger outlives every waker that still lists it.
//  - The timer of one wait belongs to that wait's waker (trans_event = true) and is disposed with it.
//  - Neither event is start()ed here: the scheduler starts a waker's events when the coroutine suspends
//    (and stops them when it is cleaned); a start of our own would be counted twice.
class TrueAsyncWaker final : public Waker {
public:
    void attach(TbQueue* queue) override { queue_ = queue; }

    void detach() override {
        if (queue_ != nullptr && trigger_ != nullptr) {
            // A coroutine is still suspended on the trigger. At RSHUTDOWN, where detach() runs, only one that
            // a fatal error abandoned can be, and it never resumes (this waker is freed right after). Unhooking
            // blocks until no fire is running; that coroutine's waker keeps its own reference and drops it when
            // the coroutine is destroyed. Ours is left behind: a leaked handle is safer than one closed on a
            // loop that may be gone.
            tb_queue_set_waker(queue_, nullptr, nullptr);
        }
        queue_ = nullptr;
    }

    bool wait(uint32_t timeoutMs) override {
        if (queue_ == nullptr || timeoutMs == 0) {
            return true;
        }
        if (!inCoroutine() || !ZEND_ASYNC_REACTOR_IS_ENABLED()) {
            // Outside a coroutine (or without a reactor) there is nothing to suspend: block like stock PHP.
            (void)tb_queue_wait(queue_, timeoutMs);
            return true;
        }
        if (EG(exception) != nullptr) {
            return false;
        }
        if (!join()) {
            return blockInstead(timeoutMs);
        }
        // A completion that arrived before the hook was installed, or between the caller's drain and now,
        // already used up its empty->non-empty wake: look before sleeping.
        const bool returnToPhpNormally = tb_queue_wait(queue_, 0) || suspend(timeoutMs);
        leave();
        return returnToPhpNormally;
    }

private:
    // Counts this coroutine as a waiter; the first one creates the trigger and hooks it to the queue.
    bool join() {
        if (trigger_ == nullptr) {
            trigger_ = ZEND_ASYNC_NEW_TRIGGER_EVENT();
            if (trigger_ == nullptr) {
                return false;
            }
            tb_queue_set_waker(queue_, fireTrigger, trigger_);
        }
        ++waiters_;
        return true;
    }

    // The last waiter unhooks the trigger (blocking until no fire runs) and drops our reference to it, while
    // its coroutine runs and the reactor with it. After a detach() the queue is gone and already unhooked.
    void leave() {
        if (--waiters_ > 0) {
            return;
        }
        if (queue_ != nullptr) {
            tb_queue_set_waker(queue_, nullptr, nullptr);
        }
        zend_async_event_t* trigger = &std::exchange(trigger_, nullptr)->base;
        // A trigger is a plain event, never a Zend object: its refcount is ref_count.
        if (trigger->ref_count > 1) {
            --trigger->ref_count;
            return;
        }
        trigger->ref_count = 0;
        if (!trigger->dispose(trigger)) {
            // Nothing can reach it any more (the hook is gone), so it is left behind, not freed by force.
            zend_error(E_WARNING, "Temporal: the TrueAsync reactor refused to dispose the completion queue's trigger");
        }
    }

    // Suspends the current coroutine until the trigger fires or the timer ends; both resolve the waker
    // normally, so a timeout is not an exception. Returns false when a PHP exception is pending afterwards
    // (the coroutine was cancelled while it waited, or the scheduler refused to suspend it).
    bool suspend(uint32_t timeoutMs) {
        zend_coroutine_t* coroutine = ZEND_ASYNC_CURRENT_COROUTINE;
        if (ZEND_ASYNC_WAKER_NEW(coroutine) == nullptr || EG(exception) != nullptr) {
            return abandon(coroutine, timeoutMs);
        }
        if (!zend_async_resume_when(coroutine, &trigger_->base, false, zend_async_waker_callback_resolve,
                                    nullptr)) {
            return abandon(coroutine, timeoutMs);
        }
        // Made only once the trigger is registered, so a failed registration leaves no timer behind; and
        // never skipped: without it the wait would have no bound.
        zend_async_timer_event_t* timer = ZEND_ASYNC_NEW_TIMER_EVENT(timeoutMs, false);
        if (timer == nullptr) {
            return abandon(coroutine, timeoutMs);
        }
        // On failure resume_when disposes a transferred event itself.
        if (!zend_async_resume_when(coroutine, &timer->base, true, zend_async_waker_callback_resolve, nullptr)) {
            return abandon(coroutine, timeoutMs);
        }
        if (!ZEND_ASYNC_SUSPEND()) {
            return abandon(coroutine, timeoutMs);
        }
        zend_async_waker_clean(coroutine);
        return EG(exception) == nullptr;
    }

    // Something kept the coroutine from suspending with a bound: drop what its waker holds (our trigger
    // reference, the timer), then return to PHP if an exception is pending, else fall back to blocking.
    bool abandon(zend_coroutine_t* coroutine, uint32_t timeoutMs) {
        zend_async_waker_clean(coroutine);
        return EG(exception) == nullptr && blockInstead(timeoutMs);
    }

    // Bounded but not cooperative: the whole thread sleeps, as with stock PHP. Returns false (return to PHP)
    // only when an exception is pending.
    bool blockInstead(uint32_t timeoutMs) {
        if (EG(exception) != nullptr) {
            return false;
        }
        if (queue_ != nullptr) {
            (void)tb_queue_wait(queue_, timeoutMs);
        }
        return true;
    }

    TbQueue* queue_ = nullptr;
    zend_async_trigger_event_t* trigger_ = nullptr;
    uint32_t waiters_ = 0;
};

}  // namespace

std::unique_ptr<Waker> makeTrueAsyncWaker() {
    return std::make_unique<TrueAsyncWaker>();
}

}  // namespace temporal

#endif  // TEMPORAL_WITH_TRUEASYNC

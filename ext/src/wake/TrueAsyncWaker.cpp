// ============================================================================================================
//  TrueAsync ONLY. The single file of this extension that uses the TrueAsync engine API (Zend/zend_async_API.h
//  of the true-async/php-src fork). Compiled only when configured --with-trueasync; the stock build never
//  sees it (config.m4 leaves it out and the #if below empties it).
// ============================================================================================================
#ifdef TEMPORAL_WITH_TRUEASYNC

#include "php.h"
#include "Zend/zend_async_API.h"

#include "wake/Waker.h"

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

class TrueAsyncWaker final : public Waker {
public:
    void attach(TbQueue* queue) override { queue_ = queue; }

    void detach() override {
        if (trigger_ != nullptr) {
            // Blocks until no hook is running, so disposing the trigger below cannot race a fire.
            tb_queue_set_waker(queue_, nullptr, nullptr);
            trigger_->base.dispose(&trigger_->base);
            trigger_ = nullptr;
        }
        queue_ = nullptr;
    }

    bool wait(uint32_t timeoutMs) override {
        if (queue_ == nullptr || timeoutMs == 0) {
            return true;
        }
        if (!inCoroutine() || !installTrigger()) {
            // Outside a coroutine (or without a reactor) there is nothing to suspend: block like stock PHP.
            (void)tb_queue_wait(queue_, timeoutMs);
            return true;
        }
        // A completion that arrived before the hook was installed, or between the caller's drain and now,
        // already used up its empty->non-empty wake: look before sleeping.
        if (tb_queue_wait(queue_, 0)) {
            return true;
        }
        return suspend(timeoutMs);
    }

private:
    bool installTrigger() {
        if (trigger_ != nullptr) {
            return true;
        }
        if (!ZEND_ASYNC_REACTOR_IS_ENABLED()) {
            return false;
        }
        trigger_ = ZEND_ASYNC_NEW_TRIGGER_EVENT();
        if (trigger_ == nullptr) {
            return false;
        }
        tb_queue_set_waker(queue_, fireTrigger, trigger_);
        return true;
    }

    // Suspends the current coroutine until the trigger fires or the timer ends; both resolve the waker
    // normally, so a timeout is not an exception. An exception left afterwards means the coroutine was
    // cancelled while it waited.
    bool suspend(uint32_t timeoutMs) {
        zend_coroutine_t* coroutine = ZEND_ASYNC_CURRENT_COROUTINE;
        if (zend_async_waker_new(coroutine) == nullptr || EG(exception) != nullptr) {
            return false;
        }
        zend_async_resume_when(coroutine, &trigger_->base, false, zend_async_waker_callback_resolve, nullptr);
        zend_async_timer_event_t* timer = ZEND_ASYNC_NEW_TIMER_EVENT(timeoutMs, false);
        if (timer != nullptr) {
            // trans_event = true: the waker owns the one-shot timer and disposes it when cleaned.
            zend_async_resume_when(coroutine, &timer->base, true, zend_async_waker_callback_resolve, nullptr);
        }
        if (EG(exception) == nullptr) {
            ZEND_ASYNC_SUSPEND();
        }
        zend_async_waker_clean(coroutine);
        return EG(exception) == nullptr;
    }

    TbQueue* queue_ = nullptr;
    zend_async_trigger_event_t* trigger_ = nullptr;
};

}  // namespace

std::unique_ptr<Waker> makeTrueAsyncWaker() {
    return std::make_unique<TrueAsyncWaker>();
}

}  // namespace temporal

#endif  // TEMPORAL_WITH_TRUEASYNC

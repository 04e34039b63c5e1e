#include "DeterminismGuard.h"

#include <unistd.h>

#include <atomic>
#include <cstdint>

#include "php.h"
#include "Zend/zend_builtin_functions.h"
#include "Zend/zend_exceptions.h"

#include "Arguments.h"
#include "Exceptions.h"
#include "GuardedCalls.h"
#include "bridge/Handles.h"
#include "guard/Watchdog.h"

#include "../stubs/DeterminismGuard_arginfo.h"

namespace temporal {

namespace {

void (*previousInterrupt)(zend_execute_data* execute_data) = nullptr;

// Written by the watchdog thread, read by the PHP thread's interrupt hook.
std::atomic<bool> budgetExceeded{false};
std::atomic<int64_t> exceededAfterMs{0};
// The VM interrupt flag of the PHP thread in run(), set by run() before it arms the watchdog. The watchdog
// thread cannot name it with EG(): under ZTS that reads the calling thread's executor globals, which a thread
// PHP did not start has none of (a null base: the store crashed).
std::atomic<zend_atomic_bool*> vmInterrupt{nullptr};

// PHP thread only.
uint32_t budgetMs = 2000;
bool running = false;
int stopsThrown = 0;  // how many times the hook stopped the current run() so far
bool deadlocked = false;
zend_string* deadlockMessage = nullptr;  // set at the first stop of a run() (request memory)
zend_string* deadlockStack = nullptr;
Watchdog* watchdog = nullptr;

// The watchdog thread: flag the overrun and ask the VM to call the interrupt hook at its next check.
void onBudgetExceeded(int64_t elapsedMs) {
    exceededAfterMs.store(elapsedMs, std::memory_order_relaxed);
    budgetExceeded.store(true, std::memory_order_release);
    zend_atomic_bool_store(vmInterrupt.load(std::memory_order_acquire), true);
}

// The watchdog of this process. After fork() the parent's is not ours to touch: its thread does not exist
// here and its mutex may have been copied locked. It is parked and a fresh one made.
Watchdog& processWatchdog() {
    if (watchdog != nullptr && watchdog->threadOwner() != 0 && watchdog->threadOwner() != getpid()) {
        parkForever(watchdog);
        watchdog = nullptr;
    }
    if (watchdog == nullptr) {
        watchdog = new Watchdog(onBudgetExceeded);
    }
    return *watchdog;
}

void releaseDeadlock() {
    if (deadlockMessage != nullptr) {
        zend_string_release(deadlockMessage);
        deadlockMessage = nullptr;
    }
    if (deadlockStack != nullptr) {
        zend_string_release(deadlockStack);
        deadlockStack = nullptr;
    }
}

// Where the code was when it was first stopped: the message and the backtrace.
void recordDeadlock() {
    deadlocked = true;
    deadlockMessage = zend_strpprintf(0, "potential deadlock: workflow code ran %d ms without yielding (at %s:%u)",
                                      static_cast<int>(exceededAfterMs.load(std::memory_order_relaxed)),
                                      zend_get_executed_filename(), zend_get_executed_lineno());
    zval trace;
    zend_fetch_debug_backtrace(&trace, 0, DEBUG_BACKTRACE_IGNORE_ARGS, 0);
    deadlockStack = zend_trace_to_string(Z_ARRVAL(trace), /* include_main */ false);
    zval_ptr_dtor(&trace);
}

// The VM's interrupt hook. Past the budget, the running code is stopped with an exit exception, which no
// catch block catches: the first one runs finally blocks (a graceful exit, as when a Fiber is destroyed);
// if the code is still running at the watchdog's next firing (a finally block that loops, or returns and
// lets a caller loop on), an unwind exit skips them too. run() turns either into DeadlockException.
void onInterrupt(zend_execute_data* execute_data) {
    if (previousInterrupt != nullptr) {
        previousInterrupt(execute_data);
    }
    if (!running || !budgetExceeded.load(std::memory_order_acquire) || EG(exception) != nullptr) {
        return;
    }
    if (!deadlocked) {
        recordDeadlock();
    }
    if (stopsThrown++ == 0) {
        zend_throw_graceful_exit();
    } else {
        zend_throw_unwind_exit();
    }
}

bool isExitException(const zend_object* exception) {
    return zend_is_graceful_exit(exception) || zend_is_unwind_exit(exception);
}

void stopGuarding() {
    setCallsGuarded(false);
    if (watchdog != nullptr && watchdog->threadOwner() == getpid()) {
        watchdog->disarm();
    }
    running = false;
}

// After the code returned (or was stopped): the deadlock, if any, replaces what it returned or threw. An exit
// exception is ours; anything else it threw becomes the DeadlockException's previous.
void reportDeadlock(zval* result) {
    zval_ptr_dtor(result);
    ZVAL_UNDEF(result);
    zend_object* previous = EG(exception);
    if (previous != nullptr) {
        EG(exception) = nullptr;
        if (isExitException(previous)) {
            OBJ_RELEASE(previous);
            previous = nullptr;
        }
    }
    zend_clear_exception();
    throwDeadlockException(deadlockMessage, deadlockStack, previous);
}

void run(zend_fcall_info* fci, zend_fcall_info_cache* fcc, zval* returnValue) {
    if (running) {
        zend_throw_error(nullptr, "DeterminismGuard::run() is already running");
        return;
    }
    releaseDeadlock();
    deadlocked = false;
    stopsThrown = 0;
    budgetExceeded.store(false, std::memory_order_relaxed);
    if (budgetMs > 0) {
        vmInterrupt.store(&EG(vm_interrupt), std::memory_order_release);
        processWatchdog().arm(budgetMs);  // may throw std::system_error: nothing is on yet
    }
    running = true;
    setCallsGuarded(true);
    zval result;
    ZVAL_UNDEF(&result);
    fci->retval = &result;
    zend_call_function(fci, fcc);
    stopGuarding();
    if (deadlocked) {
        reportDeadlock(&result);
    } else if (Z_TYPE(result) != IS_UNDEF) {
        ZVAL_COPY_VALUE(returnValue, &result);
    }
}

}  // namespace

void registerDeterminismGuard() {
    register_class_TrueAsync_Temporal_Core_DeterminismGuard();
    installGuardedCalls();
    previousInterrupt = zend_interrupt_function;
    zend_interrupt_function = onInterrupt;
}

void endGuardRequest() {
    if (running) {
        stopGuarding();
    }
    releaseDeadlock();
    deadlocked = false;
}

void shutdownDeterminismGuard() {
    if (zend_interrupt_function == onInterrupt) {
        zend_interrupt_function = previousInterrupt;
    }
    uninstallGuardedCalls();
    if (watchdog != nullptr && watchdog->threadOwner() != 0 && watchdog->threadOwner() != getpid()) {
        parkForever(watchdog);  // the parent's (see processWatchdog())
    } else {
        delete watchdog;  // joins the thread
    }
    watchdog = nullptr;
}

}  // namespace temporal

using namespace temporal;

ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, __construct) {
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, run) {
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] { temporal::run(&fci, &fcc, return_value); });
}

ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, isDeadlocked) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(deadlocked);
}

ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, setDeadlockBudgetMs) {
    zend_long value;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    uint32_t ms;
    if (timeoutArgument(value, 1, &ms)) {
        budgetMs = ms;
    }
}

ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, getDeadlockBudgetMs) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(budgetMs);
}

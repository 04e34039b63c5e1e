#include "CompletionQueue.h"

#include <cerrno>
#include <cstring>

#include "Arguments.h"
#include "Exceptions.h"
#include "PendingOperation.h"
#include "bridge/Handles.h"
#include "bridge/ProcessQueue.h"

#include "../stubs/CompletionQueue_arginfo.h"

namespace temporal {
namespace {

// Both live as long as the module: the PHP thread is their only user (NTS build), and endRequest() empties
// them, so nothing refers to a freed request's objects.
ProcessQueue processQueue;
OperationTable table;

// After fork() the operations the parent started can never complete here: settle them so no wait hangs.
void settleOrphans() {
    for (PendingOperationObject* operation : table.waiting()) {
        deliverForked(operation);
    }
    table.forgetOwed();
}

void deliver(CompletionPtr completion) {
    table.arrived();
    PendingOperationObject* operation = table.find(tb_completion_op_id(completion.get()));
    if (operation != nullptr) {
        deliverCompletion(operation, completion.get());
    }
    // An operation nobody waits for any more: the completion (and a connect's untaken connection) is freed.
}

}  // namespace

void registerCompletionQueue() {
    register_class_TrueAsync_Temporal_Core_CompletionQueue();
}

void endRequest() {
    processQueue.close();
    table.reset();
}

TbQueue* activeQueue() {
    bool replaced = false;
    TbQueue* queue = processQueue.get(&replaced);
    if (replaced) {
        settleOrphans();
    }
    if (queue == nullptr) {
        zend_throw_exception(temporalExceptionCe, "The bridge could not create a completion queue", 0);
    }
    return queue;
}

OperationTable& operations() {
    return table;
}

void drainCompletions() {
    TbQueue* queue = activeQueue();
    if (queue == nullptr) {
        return;
    }
    while (TbCompletion* completion = tb_queue_pop(queue)) {
        deliver(CompletionPtr(completion));
    }
}

bool waitForCompletions(uint32_t timeoutMs) {
    return activeQueue() != nullptr && processQueue.waker().wait(timeoutMs);
}

}  // namespace temporal

using namespace temporal;

ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, __construct) {
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, wait) {
    zend_long timeoutArg;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(timeoutArg)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        uint32_t timeoutMs;
        // activeQueue() first: in a forked child it drops the parent's readiness descriptor before any clear.
        if (!timeoutArgument(timeoutArg, 1, &timeoutMs) || activeQueue() == nullptr) {
            return;
        }
        // The readiness descriptor is cleared before each drain: a completion pushed after a clear re-arms it,
        // so none goes unnoticed, and one this wait collects does not leave it armed.
        auto anyReady = [] { return table.hasReady(); };
        if (!driveQueue(Deadline::in(timeoutMs), anyReady, [] { processQueue.clearReadiness(); })) {
            return;
        }
        std::vector<PendingOperationObject*> ready = table.takeReady();
        array_init_size(return_value, static_cast<uint32_t>(ready.size()));
        for (PendingOperationObject* operation : ready) {
            GC_ADDREF(&operation->std);
            add_next_index_object(return_value, &operation->std);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, pendingCount) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(static_cast<zend_long>(table.owed()));
}

ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, readinessFd) {
    ZEND_PARSE_PARAMETERS_NONE();
    guarded([&] {
        if (activeQueue() == nullptr) {
            return;
        }
        int fd = processQueue.readinessFd(table.hasReady());
        if (fd < 0) {
            zend_throw_exception_ex(temporalExceptionCe, 0,
                "Cannot create the completion queue's readiness descriptor: %s", strerror(errno));
            return;
        }
        RETURN_LONG(fd);
    });
}

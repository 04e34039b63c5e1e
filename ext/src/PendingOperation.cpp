#include "PendingOperation.h"

#include <cinttypes>

#include "ZendObject.h"

#include "Arguments.h"
#include "CompletionQueue.h"
#include "Exceptions.h"
#include "bridge/Deadline.h"

#include "../stubs/PendingOperation_arginfo.h"

namespace temporal {

zend_class_entry* pendingOperationCe;

namespace {

zend_object_handlers handlers;

zend_object* createOperation(zend_class_entry* ce) {
    return allocateObject<PendingOperationObject>(ce, &handlers);
}

// Freed mid-flight or not, the table must stop pointing here; a completion that comes later is dropped.
void freeOperation(zend_object* object) {
    auto* self = objectOf<PendingOperationObject>(object);
    operations().forget(self->id);
    outcomeRelease(&self->outcome);
    destroyObject<PendingOperationObject>(object);
}

void settle(PendingOperationObject* operation) {
    operation->done = true;
    operations().settled(operation->id, operation, operation->reportable);
}

bool waitUntilDone(PendingOperationObject* operation, Deadline deadline) {
    return driveQueue(deadline, [operation] { return operation->done; });
}

}  // namespace

void registerPendingOperation() {
    pendingOperationCe = register_class_TrueAsync_Temporal_Core_PendingOperation();
    pendingOperationCe->create_object = createOperation;
    initHandlers<PendingOperationObject>(&handlers, freeOperation);
}

zend_object* startedOperation(uint64_t id, OperationKind kind, bool reportable) {
    zend_object* object = createOperation(pendingOperationCe);
    auto* self = objectOf<PendingOperationObject>(object);
    self->id = id;
    self->kind = kind;
    self->reportable = reportable;
    operations().track(id, self);
    operations().accepted();
    return object;
}

void deliverCompletion(PendingOperationObject* operation, TbCompletion* completion) {
    outcomeFromCompletion(&operation->outcome, operation->kind, completion);
    settle(operation);
}

void deliverForked(PendingOperationObject* operation) {
    outcomeForked(&operation->outcome);
    settle(operation);
}

void finishBlocking(zend_object* operation, zval* returnValue) {
    auto* self = objectOf<PendingOperationObject>(operation);
    if (waitUntilDone(self, Deadline::never())) {
        outcomeToPhp(self->outcome, self->kind, returnValue);
    }
    OBJ_RELEASE(operation);
}

}  // namespace temporal

using namespace temporal;

ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, __construct) {
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, getId) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(static_cast<zend_long>(objectOf<PendingOperationObject>(Z_OBJ_P(ZEND_THIS))->id));
}

ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, isDone) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(objectOf<PendingOperationObject>(Z_OBJ_P(ZEND_THIS))->done);
}

ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, wait) {
    zend_long timeoutArg = 0;
    bool unlimited = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(timeoutArg, unlimited)
    ZEND_PARSE_PARAMETERS_END();
    auto* self = objectOf<PendingOperationObject>(Z_OBJ_P(ZEND_THIS));
    guarded([&] {
        uint32_t timeoutMs = 0;
        if (!unlimited && !timeoutArgument(timeoutArg, 1, &timeoutMs)) {
            return;
        }
        if (self->done || waitUntilDone(self, unlimited ? Deadline::never() : Deadline::in(timeoutMs))) {
            RETVAL_BOOL(self->done);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, getResult) {
    ZEND_PARSE_PARAMETERS_NONE();
    auto* self = objectOf<PendingOperationObject>(Z_OBJ_P(ZEND_THIS));
    if (!self->done) {
        zend_throw_error(nullptr, "Operation %" PRIu64 " is not done yet: wait() for it first", self->id);
        return;
    }
    outcomeToPhp(self->outcome, self->kind, return_value);
}

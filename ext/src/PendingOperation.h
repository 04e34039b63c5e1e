// TrueAsync\Temporal\Core\PendingOperation: one accepted operation and, once delivered, its outcome.
#ifndef TEMPORAL_PENDING_OPERATION_H
#define TEMPORAL_PENDING_OPERATION_H

#include <cstdint>

#include "php.h"

#include "Outcome.h"
#include "temporal_bridge.h"

namespace temporal {

struct PendingOperationObject {
    uint64_t id;
    OperationKind kind;
    bool done;
    // False for the operations of blocking calls (connect(), rpcCall()): no PHP code holds them, so a
    // scheduler must not be told about them.
    bool reportable;
    Outcome outcome;
    zend_object std;
};

extern zend_class_entry* pendingOperationCe;

void registerPendingOperation();

// The PendingOperation for an operation the bridge just accepted under `id`.
zend_object* startedOperation(uint64_t id, OperationKind kind, bool reportable);

void deliverCompletion(PendingOperationObject* operation, TbCompletion* completion);

void deliverForked(PendingOperationObject* operation);

// The end of a blocking call: waits for `operation` without limit, sets `returnValue` or throws, and releases
// the caller's reference.
void finishBlocking(zend_object* operation, zval* returnValue);

}  // namespace temporal

#endif

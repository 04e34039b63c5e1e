#include "Worker.h"

#include <unistd.h>

#include <cstdint>

#include "ZendObject.h"

#include "Arguments.h"
#include "CompletionQueue.h"
#include "Connection.h"
#include "Exceptions.h"
#include "PendingOperation.h"
#include "bridge/Handles.h"

#include "../stubs/Worker_arginfo.h"

namespace temporal {

zend_class_entry* workerCe;

namespace {

struct WorkerObject {
    WorkerPtr handle;
    pid_t owner;
    // The PHP Connection, kept alive as long as the worker (the bridge's worker holds its own clone of the
    // connection too; this keeps the object PHP code handed in from being freed under it). Null for a
    // replay worker, which has none.
    zend_object* connection;
    zend_object std;
};

// A bridge call that starts an operation under `id`.
using StartFn = TbError* (*)(const TbWorker*, const TbQueue*, uint64_t);

zend_object_handlers handlers;

zend_object* createWorker(zend_class_entry* ce) {
    return allocateObject<WorkerObject>(ce, &handlers);
}

// A worker freed with polls in flight: nobody can complete what they would return, so shut it down first;
// its polls then complete with SHUTDOWN (dropped: their PendingOperations are gone or get null) and the core
// worker goes away once they let go of it. Errors are moot here (a finalized worker is already shut down).
void freeWorker(zend_object* object) {
    auto* self = objectOf<WorkerObject>(object);
    if (self->handle && self->owner == getpid()) {
        ErrorPtr ignored(tb_worker_initiate_shutdown(self->handle.get()));
    }
    releaseOwned(self->handle, self->owner);
    if (self->connection != nullptr) {
        OBJ_RELEASE(self->connection);
        self->connection = nullptr;
    }
    destroyObject<WorkerObject>(object);
}

// The worker of $this, or null after throwing: only a constructor that threw leaves none.
WorkerObject* constructedWorker(zend_object* object) {
    auto* self = objectOf<WorkerObject>(object);
    if (!self->handle) {
        zend_throw_error(nullptr, "This Worker was not constructed");
        return nullptr;
    }
    return self;
}

// Starts an operation with `start(worker, queue, id)`; the PendingOperation, or null after throwing.
template <class Start>
zend_object* beginOperation(zend_object* object, OperationKind kind, bool reportable, Start start) {
    WorkerObject* self = constructedWorker(object);
    TbQueue* queue = self != nullptr ? activeQueue() : nullptr;
    if (queue == nullptr) {
        return nullptr;
    }
    uint64_t id = operations().nextId();
    ErrorPtr error(start(self->handle.get(), queue, id));
    if (error) {
        throwRejection(error.get());
        return nullptr;
    }
    return startedOperation(id, kind, reportable);
}

zend_object* beginSimple(zend_object* object, OperationKind kind, bool reportable, StartFn start) {
    return beginOperation(object, kind, reportable, start);
}

zend_object* beginCompletion(zend_object* object, zend_string* completion,
                             TbError* (*start)(const TbWorker*, const TbQueue*, uint64_t, TbBytes)) {
    return beginOperation(object, OperationKind::NoResult, true,
                          [start, completion](const TbWorker* worker, const TbQueue* queue, uint64_t id) {
                              return start(worker, queue, id, toBytes(viewOf(completion)));
                          });
}

// A synchronous bridge call on the worker: `call(worker)` returns NULL or the rejection to throw.
template <class Call>
void callWorker(zend_object* object, Call call) {
    if (WorkerObject* self = constructedWorker(object)) {
        ErrorPtr error(call(self->handle.get()));
        if (error) {
            throwRejection(error.get());
        }
    }
}

// Starts finalizing. Shutdown is initiated first, through the export that enters the core's runtime:
// tb_worker_finalize_shutdown initiates it too, but outside the runtime, and panics ("there is no reactor
// running") when the worker never polled. Harmless once the bridge enters the runtime itself: initiating is
// idempotent, and a finalized or forked worker rejects both calls with the same message.
zend_object* beginFinalize(zend_object* object, bool reportable) {
    WorkerObject* self = constructedWorker(object);
    if (self == nullptr) {
        return nullptr;
    }
    ErrorPtr error(tb_worker_initiate_shutdown(self->handle.get()));
    if (error) {
        throwRejection(error.get());
        return nullptr;
    }
    return beginSimple(object, OperationKind::NoResult, reportable, tb_worker_finalize_shutdown);
}

void construct(WorkerObject* self, zend_object* connection, zend_string* options) {
    if (self->handle) {
        zend_throw_error(nullptr, "This Worker is already constructed");
        return;
    }
    const TbConnection* connectionHandle = connectionHandleOf(connection);
    if (connectionHandle == nullptr) {
        zend_argument_value_error(1, "must be a connected Connection");
        return;
    }
    TbWorker* worker = nullptr;
    ErrorPtr error(tb_worker_new(connectionHandle, toBytes(viewOf(options)), &worker));
    if (error) {
        throwRejection(error.get());
        return;
    }
    self->handle.reset(worker);
    self->owner = getpid();
    GC_ADDREF(connection);
    self->connection = connection;
}

}  // namespace

zend_object* newConnectionlessWorker(TbWorker* worker) {
    zend_object* object = createWorker(workerCe);
    auto* self = objectOf<WorkerObject>(object);
    self->handle.reset(worker);
    self->owner = getpid();
    return object;
}

void registerWorker() {
    workerCe = register_class_TrueAsync_Temporal_Core_Worker();
    workerCe->create_object = createWorker;
    initHandlers<WorkerObject>(&handlers, freeWorker);
}

}  // namespace temporal

using namespace temporal;

#define WORKER_START_METHOD(name, kind, bridgeCall)                                   \
    ZEND_METHOD(TrueAsync_Temporal_Core_Worker, name) {                              \
        ZEND_PARSE_PARAMETERS_NONE();                                                \
        guarded([&] {                                                                \
            if (zend_object* op = beginSimple(Z_OBJ_P(ZEND_THIS), kind, true, bridgeCall)) { \
                RETVAL_OBJ(op);                                                      \
            }                                                                        \
        });                                                                          \
    }

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, __construct) {
    zend_object* connection;
    zend_string* options;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_OBJ_OF_CLASS(connection, connectionCe)
        Z_PARAM_STR(options)
    ZEND_PARSE_PARAMETERS_END();
    auto* self = objectOf<WorkerObject>(Z_OBJ_P(ZEND_THIS));
    guarded([&] { construct(self, connection, options); });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, validate) {
    ZEND_PARSE_PARAMETERS_NONE();
    guarded([&] {
        if (zend_object* op = beginSimple(Z_OBJ_P(ZEND_THIS), OperationKind::NoResult, false, tb_worker_validate)) {
            finishBlocking(op, return_value);
        }
    });
}

WORKER_START_METHOD(startValidate, OperationKind::NoResult, tb_worker_validate)
WORKER_START_METHOD(startPollWorkflowActivation, OperationKind::Poll, tb_worker_poll_workflow_activation)
WORKER_START_METHOD(startPollActivityTask, OperationKind::Poll, tb_worker_poll_activity_task)

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, startFinalizeShutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    guarded([&] {
        if (zend_object* op = beginFinalize(Z_OBJ_P(ZEND_THIS), true)) {
            RETVAL_OBJ(op);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, startCompleteWorkflowActivation) {
    zend_string* completion;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(completion)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* op = beginCompletion(Z_OBJ_P(ZEND_THIS), completion, tb_worker_complete_workflow_activation)) {
            RETVAL_OBJ(op);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, startCompleteActivityTask) {
    zend_string* completion;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(completion)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* op = beginCompletion(Z_OBJ_P(ZEND_THIS), completion, tb_worker_complete_activity_task)) {
            RETVAL_OBJ(op);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, recordActivityHeartbeat) {
    zend_string* heartbeat;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(heartbeat)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        callWorker(Z_OBJ_P(ZEND_THIS), [heartbeat](const TbWorker* worker) {
            return tb_worker_record_activity_heartbeat(worker, toBytes(viewOf(heartbeat)));
        });
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, startAutoHeartbeat) {
    zend_string* heartbeat;
    zend_long intervalMs;
    zend_long stopAfterMs;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(heartbeat)
        Z_PARAM_LONG(intervalMs)
        Z_PARAM_LONG(stopAfterMs)
    ZEND_PARSE_PARAMETERS_END();
    if (intervalMs < 1 || static_cast<zend_ulong>(intervalMs) > UINT32_MAX) {
        zend_argument_value_error(2, "must be between 1 and 4294967295");
        RETURN_THROWS();
    }
    if (stopAfterMs < 1) {
        zend_argument_value_error(3, "must be greater than 0");
        RETURN_THROWS();
    }
    guarded([&] {
        callWorker(Z_OBJ_P(ZEND_THIS), [&](const TbWorker* worker) {
            return tb_worker_start_auto_heartbeat(worker, toBytes(viewOf(heartbeat)), static_cast<uint32_t>(intervalMs),
                                                  static_cast<uint64_t>(stopAfterMs));
        });
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, requestWorkflowEviction) {
    zend_string* runId;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(runId)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        callWorker(Z_OBJ_P(ZEND_THIS), [runId](const TbWorker* worker) {
            return tb_worker_request_workflow_eviction(worker, toBytes(viewOf(runId)));
        });
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, initiateShutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    guarded([&] { callWorker(Z_OBJ_P(ZEND_THIS), tb_worker_initiate_shutdown); });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Worker, finalizeShutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    guarded([&] {
        if (zend_object* op = beginFinalize(Z_OBJ_P(ZEND_THIS), false)) {
            finishBlocking(op, return_value);
        }
    });
}

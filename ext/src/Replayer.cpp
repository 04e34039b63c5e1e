#include "Replayer.h"

#include <unistd.h>

#include "ZendObject.h"

#include "Arguments.h"
#include "CompletionQueue.h"
#include "Exceptions.h"
#include "PendingOperation.h"
#include "Worker.h"
#include "bridge/Handles.h"

#include "../stubs/Replayer_arginfo.h"

namespace temporal {

zend_class_entry* replayerCe;

namespace {

struct HistoryPusherFree {
    void operator()(TbHistoryPusher* h) const noexcept { tb_history_pusher_free(h); }
};
using HistoryPusherPtr = std::unique_ptr<TbHistoryPusher, HistoryPusherFree>;

struct ReplayerObject {
    HistoryPusherPtr pusher;
    pid_t owner;
    zend_object* worker;  // the Core\Worker wrapping the replay worker; null until constructed
    zend_object std;
};

zend_object_handlers handlers;

zend_object* createReplayer(zend_class_entry* ce) {
    return allocateObject<ReplayerObject>(ce, &handlers);
}

// Freeing the pusher closes it: the worker's polls drain and report shutdown (the Worker may outlive us).
void freeReplayer(zend_object* object) {
    auto* self = objectOf<ReplayerObject>(object);
    releaseOwned(self->pusher, self->owner);
    if (self->worker != nullptr) {
        OBJ_RELEASE(self->worker);
        self->worker = nullptr;
    }
    destroyObject<ReplayerObject>(object);
}

ReplayerObject* constructedReplayer(zend_object* object) {
    auto* self = objectOf<ReplayerObject>(object);
    if (self->worker == nullptr) {
        zend_throw_error(nullptr, "This Replayer was not constructed");
        return nullptr;
    }
    return self;
}

void construct(ReplayerObject* self, zend_string* options) {
    if (self->worker != nullptr) {
        zend_throw_error(nullptr, "This Replayer is already constructed");
        return;
    }
    TbWorker* worker = nullptr;
    TbHistoryPusher* pusher = nullptr;
    ErrorPtr error(tb_replayer_new(toBytes(viewOf(options)), &worker, &pusher));
    if (error) {
        throwRejection(error.get());
        return;
    }
    self->pusher.reset(pusher);
    self->owner = getpid();
    self->worker = newConnectionlessWorker(worker);
}

// Starts a push; the PendingOperation, or null after throwing.
zend_object* beginPush(zend_object* object, zend_string* workflowId, zend_string* history, bool reportable) {
    ReplayerObject* self = constructedReplayer(object);
    TbQueue* queue = self != nullptr ? activeQueue() : nullptr;
    if (queue == nullptr) {
        return nullptr;
    }
    uint64_t id = operations().nextId();
    ErrorPtr error(tb_history_push(self->pusher.get(), queue, id, toBytes(viewOf(workflowId)),
                                   toBytes(viewOf(history))));
    if (error) {
        throwRejection(error.get());
        return nullptr;
    }
    return startedOperation(id, OperationKind::NoResult, reportable);
}

}  // namespace

void registerReplayer() {
    replayerCe = register_class_TrueAsync_Temporal_Core_Replayer();
    replayerCe->create_object = createReplayer;
    initHandlers<ReplayerObject>(&handlers, freeReplayer);
}

}  // namespace temporal

using namespace temporal;

ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, __construct) {
    zend_string* options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(options)
    ZEND_PARSE_PARAMETERS_END();
    auto* self = objectOf<ReplayerObject>(Z_OBJ_P(ZEND_THIS));
    guarded([&] { construct(self, options); });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, getWorker) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (ReplayerObject* self = constructedReplayer(Z_OBJ_P(ZEND_THIS))) {
        GC_ADDREF(self->worker);
        RETURN_OBJ(self->worker);
    }
}

ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, startPushHistory) {
    zend_string* workflowId;
    zend_string* history;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(workflowId)
        Z_PARAM_STR(history)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* op = beginPush(Z_OBJ_P(ZEND_THIS), workflowId, history, true)) {
            RETVAL_OBJ(op);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, pushHistory) {
    zend_string* workflowId;
    zend_string* history;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(workflowId)
        Z_PARAM_STR(history)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* op = beginPush(Z_OBJ_P(ZEND_THIS), workflowId, history, false)) {
            finishBlocking(op, return_value);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (ReplayerObject* self = constructedReplayer(Z_OBJ_P(ZEND_THIS))) {
        if (self->owner == getpid()) {
            tb_history_pusher_close(self->pusher.get());
        }
    }
}

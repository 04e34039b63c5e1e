#include "Connection.h"

#include <unistd.h>

#include "ZendObject.h"

#include "Arguments.h"
#include "CancellationToken.h"
#include "CompletionQueue.h"
#include "Exceptions.h"
#include "PendingOperation.h"

#include "../stubs/Connection_arginfo.h"

namespace temporal {

zend_class_entry* connectionCe;

namespace {

struct ConnectionObject {
    ConnectionPtr handle;
    pid_t owner;
    zend_object std;
};

struct RpcArguments {
    zend_string* service = nullptr;
    zend_string* method = nullptr;
    zend_string* request = nullptr;
    zend_long timeoutMs = 0;
    HashTable* metadata = nullptr;
    zend_object* cancel = nullptr;
    bool retry = false;
};

zend_object_handlers handlers;

zend_object* createConnection(zend_class_entry* ce) {
    return allocateObject<ConnectionObject>(ce, &handlers);
}

// In-flight RPCs hold their own reference inside the bridge, so freeing mid-call is safe.
void freeConnection(zend_object* object) {
    auto* self = objectOf<ConnectionObject>(object);
    releaseOwned(self->handle, self->owner);
    destroyObject<ConnectionObject>(object);
}

// Starts a connect; the PendingOperation, or null after throwing.
zend_object* beginConnect(zend_string* options, zend_object* cancel, bool reportable) {
    TbQueue* queue = activeQueue();
    if (queue == nullptr) {
        return nullptr;
    }
    uint64_t id = operations().nextId();
    ErrorPtr error(tb_connection_connect(queue, id, toBytes(viewOf(options)), cancelHandleOf(cancel)));
    if (error) {
        throwRejection(error.get());
        return nullptr;
    }
    return startedOperation(id, OperationKind::Connect, reportable);
}

bool parseRpcArguments(zend_execute_data* execute_data, RpcArguments* args) {
    ZEND_PARSE_PARAMETERS_START_EX(0, 3, 7)
        Z_PARAM_STR(args->service)
        Z_PARAM_STR(args->method)
        Z_PARAM_STR(args->request)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(args->timeoutMs)
        Z_PARAM_ARRAY_HT(args->metadata)
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(args->cancel, cancellationTokenCe)
        Z_PARAM_BOOL(args->retry)
    ZEND_PARSE_PARAMETERS_END_EX(return false);
    return true;
}

zend_object* sendRpc(ConnectionObject* self, const RpcArguments& args, uint32_t timeoutMs, std::string_view metadata,
                     bool reportable) {
    TbQueue* queue = activeQueue();
    if (queue == nullptr) {
        return nullptr;
    }
    uint64_t id = operations().nextId();
    ErrorPtr error(tb_connection_rpc(self->handle.get(), queue, id, toBytes(viewOf(args.service)),
                                     toBytes(viewOf(args.method)), toBytes(viewOf(args.request)), timeoutMs,
                                     args.retry, toBytes(metadata), cancelHandleOf(args.cancel)));
    if (error) {
        throwRejection(error.get());
        return nullptr;
    }
    return startedOperation(id, OperationKind::Rpc, reportable);
}

// Checks the arguments the bridge cannot, then starts the RPC; the PendingOperation, or null after throwing.
zend_object* beginRpc(ConnectionObject* self, const RpcArguments& args, bool reportable) {
    if (!self->handle) {
        zend_throw_error(nullptr, "This Connection was never connected");
        return nullptr;
    }
    uint32_t timeoutMs;
    smart_str metadata = {};
    if (!timeoutArgument(args.timeoutMs, 4, &timeoutMs) || !metadataArgument(args.metadata, 5, &metadata)) {
        return nullptr;
    }
    std::string_view json = metadata.s != nullptr ? viewOf(metadata.s) : std::string_view();
    zend_object* operation = sendRpc(self, args, timeoutMs, json, reportable);
    smart_str_free(&metadata);
    return operation;
}

}  // namespace

void registerConnection() {
    connectionCe = register_class_TrueAsync_Temporal_Core_Connection();
    connectionCe->create_object = createConnection;
    initHandlers<ConnectionObject>(&handlers, freeConnection);
}

zend_object* wrapConnection(ConnectionPtr handle) {
    zend_object* object = createConnection(connectionCe);
    auto* self = objectOf<ConnectionObject>(object);
    self->handle = std::move(handle);
    self->owner = getpid();
    return object;
}

const TbConnection* connectionHandleOf(zend_object* connection) {
    return objectOf<ConnectionObject>(connection)->handle.get();
}

}  // namespace temporal

using namespace temporal;

ZEND_METHOD(TrueAsync_Temporal_Core_Connection, __construct) {
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(TrueAsync_Temporal_Core_Connection, connect) {
    zend_string* options;
    zend_object* cancel = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(options)
        Z_PARAM_OPTIONAL
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(cancel, cancellationTokenCe)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* operation = beginConnect(options, cancel, false)) {
            finishBlocking(operation, return_value);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Connection, startConnect) {
    zend_string* options;
    zend_object* cancel = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(options)
        Z_PARAM_OPTIONAL
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(cancel, cancellationTokenCe)
    ZEND_PARSE_PARAMETERS_END();
    guarded([&] {
        if (zend_object* operation = beginConnect(options, cancel, true)) {
            RETVAL_OBJ(operation);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Connection, rpcCall) {
    RpcArguments args;
    if (!parseRpcArguments(execute_data, &args)) {
        return;
    }
    auto* self = objectOf<ConnectionObject>(Z_OBJ_P(ZEND_THIS));
    guarded([&] {
        if (zend_object* operation = beginRpc(self, args, false)) {
            finishBlocking(operation, return_value);
        }
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Connection, startRpcCall) {
    RpcArguments args;
    if (!parseRpcArguments(execute_data, &args)) {
        return;
    }
    auto* self = objectOf<ConnectionObject>(Z_OBJ_P(ZEND_THIS));
    guarded([&] {
        if (zend_object* operation = beginRpc(self, args, true)) {
            RETVAL_OBJ(operation);
        }
    });
}

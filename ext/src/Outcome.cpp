#include "Outcome.h"

#include <string_view>

#include "Zend/zend_exceptions.h"

#include "Connection.h"
#include "Exceptions.h"
#include "bridge/Handles.h"

namespace temporal {
namespace {

zend_string* copyOrNull(TbBytes bytes) {
    std::string_view view = toView(bytes);
    return view.empty() ? nullptr : zend_string_init(view.data(), view.size(), 0);
}

void setError(Outcome* outcome, const char* message) {
    outcome->status = TB_STATUS_ERROR;
    outcome->message = zend_string_init(message, strlen(message), 0);
}

bool isWorkerKind(OperationKind kind) {
    return kind == OperationKind::Poll || kind == OperationKind::NoResult;
}

void copyValue(Outcome* outcome, OperationKind kind, TbCompletion* completion) {
    if (kind == OperationKind::NoResult) {
        return;
    }
    if (kind == OperationKind::Rpc || kind == OperationKind::Poll) {
        std::string_view data = toView(tb_completion_data(completion));
        ZVAL_STRINGL_FAST(&outcome->value, data.data(), data.size());
        return;
    }
    ConnectionPtr connection(tb_completion_take_connection(completion));
    if (!connection) {
        setError(outcome, "The bridge completed the connect operation without a connection");
        return;
    }
    ZVAL_OBJ(&outcome->value, wrapConnection(std::move(connection)));
}

// Builds the exception and throws it; `message` may be null, then `fallback` is used.
void throwWith(zend_class_entry* ce, zend_string* message, const char* fallback, zend_long code) {
    if (message == nullptr) {
        zend_throw_exception(ce, fallback, code);
        return;
    }
    zend_throw_exception_ex(ce, code, "%.*s", static_cast<int>(ZSTR_LEN(message)), ZSTR_VAL(message));
}

}  // namespace

void outcomeFromCompletion(Outcome* outcome, OperationKind kind, TbCompletion* completion) {
    outcome->status = tb_completion_status(completion);
    outcome->grpcCode = tb_completion_grpc_code(completion);
    outcome->message = copyOrNull(tb_completion_message(completion));
    outcome->details = copyOrNull(tb_completion_details(completion));
    if (outcome->status == TB_STATUS_OK) {
        copyValue(outcome, kind, completion);
    }
}

void outcomeForked(Outcome* outcome) {
    setError(outcome, "The operation was in flight when the process forked; it cannot complete in the child");
}

void outcomeRelease(Outcome* outcome) {
    zval_ptr_dtor(&outcome->value);
    ZVAL_UNDEF(&outcome->value);
    if (outcome->message != nullptr) {
        zend_string_release(outcome->message);
        outcome->message = nullptr;
    }
    if (outcome->details != nullptr) {
        zend_string_release(outcome->details);
        outcome->details = nullptr;
    }
}

void outcomeToPhp(const Outcome& outcome, OperationKind kind, zval* returnValue) {
    const bool connect = kind == OperationKind::Connect;
    switch (outcome.status) {
        case TB_STATUS_OK:
            if (Z_ISUNDEF(outcome.value)) {
                ZVAL_NULL(returnValue);
            } else {
                ZVAL_COPY(returnValue, &outcome.value);
            }
            return;
        case TB_STATUS_GRPC_ERROR:
            if (connect) {
                throwWith(connectionExceptionCe, outcome.message, "Connecting failed", outcome.grpcCode);
            } else {
                throwServiceException(outcome.grpcCode, outcome.message, outcome.details);
            }
            return;
        case TB_STATUS_CANCELLED:
            throwWith(cancelledExceptionCe, outcome.message, "The operation was cancelled", 0);
            return;
        case TB_STATUS_ERROR:
            throwWith(connect ? connectionExceptionCe : temporalExceptionCe, outcome.message,
                      "The bridge failed without a message", 0);
            return;
        case TB_STATUS_SHUTDOWN:
            if (isWorkerKind(kind)) {
                ZVAL_NULL(returnValue);
                return;
            }
            throwWith(temporalExceptionCe, nullptr, "The bridge shut down before the operation completed", 0);
            return;
        default:
            zend_throw_exception_ex(temporalExceptionCe, 0, "The bridge sent unknown completion status %u",
                                    outcome.status);
            return;
    }
}

}  // namespace temporal

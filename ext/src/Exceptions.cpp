#include "Exceptions.h"

#include "Zend/zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"

#include "bridge/Handles.h"

#include "../stubs/Exceptions_arginfo.h"

namespace temporal {

zend_class_entry* temporalExceptionCe;
zend_class_entry* connectionExceptionCe;
zend_class_entry* serviceExceptionCe;
zend_class_entry* cancelledExceptionCe;
zend_class_entry* nonDeterministicCallExceptionCe;
zend_class_entry* deadlockExceptionCe;

namespace {

zend_string* grpcMessageName;
zend_string* detailsName;
zend_string* workflowStackName;

zval readServiceProperty(zend_object* exception, zend_string* name) {
    zval rv;
    zval* value = zend_read_property_ex(serviceExceptionCe, exception, name, /* silent */ true, &rv);
    zval copy;
    ZVAL_COPY_DEREF(&copy, value);
    return copy;
}

void setStringProperty(zend_class_entry* scope, zend_object* object, zend_string* name, zend_string* value) {
    zval zv;
    ZVAL_STR_COPY(&zv, value != nullptr ? value : ZSTR_EMPTY_ALLOC());
    zend_update_property_ex(scope, object, name, &zv);
    zval_ptr_dtor(&zv);
}

}  // namespace

void registerExceptions() {
    temporalExceptionCe = register_class_TrueAsync_Temporal_Core_TemporalException(zend_ce_exception);
    connectionExceptionCe = register_class_TrueAsync_Temporal_Core_ConnectionException(temporalExceptionCe);
    serviceExceptionCe = register_class_TrueAsync_Temporal_Core_ServiceException(temporalExceptionCe);
    cancelledExceptionCe = register_class_TrueAsync_Temporal_Core_CancelledException(temporalExceptionCe);
    nonDeterministicCallExceptionCe =
        register_class_TrueAsync_Temporal_Core_NonDeterministicCallException(temporalExceptionCe);
    deadlockExceptionCe = register_class_TrueAsync_Temporal_Core_DeadlockException(temporalExceptionCe);
    workflowStackName = zend_string_init_interned("workflowStack", sizeof("workflowStack") - 1, 1);
    grpcMessageName = zend_string_init_interned("grpcMessage", sizeof("grpcMessage") - 1, 1);
    detailsName = zend_string_init_interned("details", sizeof("details") - 1, 1);
}

void throwRejection(const TbError* error) {
    std::string_view message = toView(tb_error_message(error));
    zend_class_entry* ce = temporalExceptionCe;
    switch (tb_error_kind(error)) {
        case TB_ERROR_INVALID_ARGUMENT: ce = zend_ce_value_error; break;
        case TB_ERROR_ALREADY_STARTED: ce = spl_ce_LogicException; break;
    }
    zend_throw_exception_ex(ce, 0, "%.*s", static_cast<int>(message.size()), message.data());
}

void throwServiceException(int32_t grpcCode, zend_string* message, zend_string* details) {
    zval exception;
    object_init_ex(&exception, serviceExceptionCe);
    zend_object* object = Z_OBJ(exception);
    setStringProperty(zend_ce_exception, object, ZSTR_KNOWN(ZEND_STR_MESSAGE), message);
    zval code;
    ZVAL_LONG(&code, grpcCode);
    zend_update_property_ex(zend_ce_exception, object, ZSTR_KNOWN(ZEND_STR_CODE), &code);
    setStringProperty(serviceExceptionCe, object, grpcMessageName, message);
    setStringProperty(serviceExceptionCe, object, detailsName, details);
    zend_throw_exception_object(&exception);
}

void throwDeadlockException(zend_string* message, zend_string* stack, zend_object* previous) {
    zval exception;
    object_init_ex(&exception, deadlockExceptionCe);
    zend_object* object = Z_OBJ(exception);
    setStringProperty(zend_ce_exception, object, ZSTR_KNOWN(ZEND_STR_MESSAGE), message);
    setStringProperty(deadlockExceptionCe, object, workflowStackName, stack);
    if (previous != nullptr) {
        zval value;
        ZVAL_OBJ(&value, previous);
        zend_update_property_ex(zend_ce_exception, object, ZSTR_KNOWN(ZEND_STR_PREVIOUS), &value);
        zval_ptr_dtor(&value);
    }
    zend_throw_exception_object(&exception);
}

}  // namespace temporal

ZEND_METHOD(TrueAsync_Temporal_Core_DeadlockException, getWorkflowStack) {
    ZEND_PARSE_PARAMETERS_NONE();
    zval rv;
    zval* value = zend_read_property_ex(temporal::deadlockExceptionCe, Z_OBJ_P(ZEND_THIS), temporal::workflowStackName,
                                        /* silent */ true, &rv);
    RETURN_COPY_DEREF(value);
}

ZEND_METHOD(TrueAsync_Temporal_Core_ServiceException, getGrpcMessage) {
    ZEND_PARSE_PARAMETERS_NONE();
    zval value = temporal::readServiceProperty(Z_OBJ_P(ZEND_THIS), temporal::grpcMessageName);
    RETURN_COPY_VALUE(&value);
}

ZEND_METHOD(TrueAsync_Temporal_Core_ServiceException, getDetails) {
    ZEND_PARSE_PARAMETERS_NONE();
    zval value = temporal::readServiceProperty(Z_OBJ_P(ZEND_THIS), temporal::detailsName);
    RETURN_COPY_VALUE(&value);
}

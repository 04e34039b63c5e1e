/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 582f07f82536279f29dac5cf61389da0b5422366 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Connection___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Connection_connect, 0, 1, TrueAsync\\Temporal\\Core\\Connection, 0)
	ZEND_ARG_TYPE_INFO(0, optionsJson, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, cancel, TrueAsync\\Temporal\\Core\\CancellationToken, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Connection_startConnect, 0, 1, TrueAsync\\Temporal\\Core\\PendingOperation, 0)
	ZEND_ARG_TYPE_INFO(0, optionsJson, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, cancel, TrueAsync\\Temporal\\Core\\CancellationToken, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Connection_rpcCall, 0, 3, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, service, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, request, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeoutMs, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, metadata, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, cancel, TrueAsync\\Temporal\\Core\\CancellationToken, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, retry, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Connection_startRpcCall, 0, 3, TrueAsync\\Temporal\\Core\\PendingOperation, 0)
	ZEND_ARG_TYPE_INFO(0, service, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, request, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeoutMs, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, metadata, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, cancel, TrueAsync\\Temporal\\Core\\CancellationToken, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, retry, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_Connection, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_Connection, connect);
ZEND_METHOD(TrueAsync_Temporal_Core_Connection, startConnect);
ZEND_METHOD(TrueAsync_Temporal_Core_Connection, rpcCall);
ZEND_METHOD(TrueAsync_Temporal_Core_Connection, startRpcCall);


static const zend_function_entry class_TrueAsync_Temporal_Core_Connection_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_Connection, __construct, arginfo_class_TrueAsync_Temporal_Core_Connection___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_Connection, connect, arginfo_class_TrueAsync_Temporal_Core_Connection_connect, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_Connection, startConnect, arginfo_class_TrueAsync_Temporal_Core_Connection_startConnect, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_Connection, rpcCall, arginfo_class_TrueAsync_Temporal_Core_Connection_rpcCall, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Connection, startRpcCall, arginfo_class_TrueAsync_Temporal_Core_Connection_startRpcCall, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_Connection(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "Connection", class_TrueAsync_Temporal_Core_Connection_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

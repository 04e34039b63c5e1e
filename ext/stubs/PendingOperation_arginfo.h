/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 56130ea7c0df4ce68464e015054c34b66d8d3385 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_PendingOperation___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_PendingOperation_getId, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_PendingOperation_isDone, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_PendingOperation_wait, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeoutMs, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_PendingOperation_getResult, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, getId);
ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, isDone);
ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, wait);
ZEND_METHOD(TrueAsync_Temporal_Core_PendingOperation, getResult);


static const zend_function_entry class_TrueAsync_Temporal_Core_PendingOperation_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_PendingOperation, __construct, arginfo_class_TrueAsync_Temporal_Core_PendingOperation___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_PendingOperation, getId, arginfo_class_TrueAsync_Temporal_Core_PendingOperation_getId, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_PendingOperation, isDone, arginfo_class_TrueAsync_Temporal_Core_PendingOperation_isDone, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_PendingOperation, wait, arginfo_class_TrueAsync_Temporal_Core_PendingOperation_wait, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_PendingOperation, getResult, arginfo_class_TrueAsync_Temporal_Core_PendingOperation_getResult, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_PendingOperation(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "PendingOperation", class_TrueAsync_Temporal_Core_PendingOperation_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

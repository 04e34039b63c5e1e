/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 020cf49ff6961ed6d2f93d098758be2875d00a05 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Replayer___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, optionsJson, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Replayer_getWorker, 0, 0, TrueAsync\\Temporal\\Core\\Worker, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Replayer_startPushHistory, 0, 2, TrueAsync\\Temporal\\Core\\PendingOperation, 0)
	ZEND_ARG_TYPE_INFO(0, workflowId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, historyBytes, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Replayer_pushHistory, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, workflowId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, historyBytes, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Replayer_close, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, getWorker);
ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, startPushHistory);
ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, pushHistory);
ZEND_METHOD(TrueAsync_Temporal_Core_Replayer, close);


static const zend_function_entry class_TrueAsync_Temporal_Core_Replayer_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_Replayer, __construct, arginfo_class_TrueAsync_Temporal_Core_Replayer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Replayer, getWorker, arginfo_class_TrueAsync_Temporal_Core_Replayer_getWorker, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Replayer, startPushHistory, arginfo_class_TrueAsync_Temporal_Core_Replayer_startPushHistory, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Replayer, pushHistory, arginfo_class_TrueAsync_Temporal_Core_Replayer_pushHistory, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Replayer, close, arginfo_class_TrueAsync_Temporal_Core_Replayer_close, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_Replayer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "Replayer", class_TrueAsync_Temporal_Core_Replayer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

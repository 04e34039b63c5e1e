/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 604e70b11450acdf83d79268bb6a8a03df935a4f */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_CompletionQueue___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_wait, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, timeoutMs, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_readinessFd, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_pendingCount arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_readinessFd


ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, wait);
ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, readinessFd);
ZEND_METHOD(TrueAsync_Temporal_Core_CompletionQueue, pendingCount);


static const zend_function_entry class_TrueAsync_Temporal_Core_CompletionQueue_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_CompletionQueue, __construct, arginfo_class_TrueAsync_Temporal_Core_CompletionQueue___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_CompletionQueue, wait, arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_wait, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_CompletionQueue, readinessFd, arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_readinessFd, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_CompletionQueue, pendingCount, arginfo_class_TrueAsync_Temporal_Core_CompletionQueue_pendingCount, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_CompletionQueue(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "CompletionQueue", class_TrueAsync_Temporal_Core_CompletionQueue_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

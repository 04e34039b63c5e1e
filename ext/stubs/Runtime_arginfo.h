/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c1fbece6c47658e072bcdcf33b8f500d311cbecc */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Runtime___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Runtime_configure, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, optionsJson, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Runtime_takeLogs, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Runtime_trimMemory, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, configure);
ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, takeLogs);
ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, trimMemory);


static const zend_function_entry class_TrueAsync_Temporal_Core_Runtime_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_Runtime, __construct, arginfo_class_TrueAsync_Temporal_Core_Runtime___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_Runtime, configure, arginfo_class_TrueAsync_Temporal_Core_Runtime_configure, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_Runtime, takeLogs, arginfo_class_TrueAsync_Temporal_Core_Runtime_takeLogs, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_Runtime, trimMemory, arginfo_class_TrueAsync_Temporal_Core_Runtime_trimMemory, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_Runtime(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "Runtime", class_TrueAsync_Temporal_Core_Runtime_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

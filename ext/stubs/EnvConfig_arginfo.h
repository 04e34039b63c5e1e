/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 51e9216f5efdb0eae072f92703de4c34a0569602 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_EnvConfig___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_EnvConfig_loadProfile, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, requestJson, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_EnvConfig, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_EnvConfig, loadProfile);


static const zend_function_entry class_TrueAsync_Temporal_Core_EnvConfig_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_EnvConfig, __construct, arginfo_class_TrueAsync_Temporal_Core_EnvConfig___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_EnvConfig, loadProfile, arginfo_class_TrueAsync_Temporal_Core_EnvConfig_loadProfile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_EnvConfig(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "EnvConfig", class_TrueAsync_Temporal_Core_EnvConfig_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

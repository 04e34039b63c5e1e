/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cba63b814af1613ae554abd4ca87a6e264735f22 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_CancellationToken_cancel, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_CancellationToken_isCancelled, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_CancellationToken, cancel);
ZEND_METHOD(TrueAsync_Temporal_Core_CancellationToken, isCancelled);


static const zend_function_entry class_TrueAsync_Temporal_Core_CancellationToken_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_CancellationToken, cancel, arginfo_class_TrueAsync_Temporal_Core_CancellationToken_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_CancellationToken, isCancelled, arginfo_class_TrueAsync_Temporal_Core_CancellationToken_isCancelled, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_CancellationToken(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "CancellationToken", class_TrueAsync_Temporal_Core_CancellationToken_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

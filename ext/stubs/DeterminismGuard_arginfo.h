/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e7b902c49d52913d1cd53f377a58c072be6e99a7 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_run, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_isDeadlocked, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_setDeadlockBudgetMs, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, budgetMs, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_getDeadlockBudgetMs, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, run);
ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, isDeadlocked);
ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, setDeadlockBudgetMs);
ZEND_METHOD(TrueAsync_Temporal_Core_DeterminismGuard, getDeadlockBudgetMs);


static const zend_function_entry class_TrueAsync_Temporal_Core_DeterminismGuard_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_DeterminismGuard, __construct, arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(TrueAsync_Temporal_Core_DeterminismGuard, run, arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_run, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_DeterminismGuard, isDeadlocked, arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_isDeadlocked, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_DeterminismGuard, setDeadlockBudgetMs, arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_setDeadlockBudgetMs, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(TrueAsync_Temporal_Core_DeterminismGuard, getDeadlockBudgetMs, arginfo_class_TrueAsync_Temporal_Core_DeterminismGuard_getDeadlockBudgetMs, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_DeterminismGuard(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "DeterminismGuard", class_TrueAsync_Temporal_Core_DeterminismGuard_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

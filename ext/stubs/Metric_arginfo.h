/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4fecd5f22eb288598795008a3e9ee9e7ac07f6df */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Metric___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, kind, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, description, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, unit, IS_STRING, 0, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_Metric_record, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_DOUBLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attributesJson, IS_STRING, 0, "\'\'")
ZEND_END_ARG_INFO()


ZEND_METHOD(TrueAsync_Temporal_Core_Metric, __construct);
ZEND_METHOD(TrueAsync_Temporal_Core_Metric, record);


static const zend_function_entry class_TrueAsync_Temporal_Core_Metric_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_Metric, __construct, arginfo_class_TrueAsync_Temporal_Core_Metric___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_Metric, record, arginfo_class_TrueAsync_Temporal_Core_Metric_record, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_Metric(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "Metric", class_TrueAsync_Temporal_Core_Metric_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_COUNTER_value;
	ZVAL_LONG(&const_COUNTER_value, TB_METRIC_COUNTER);
	zend_string *const_COUNTER_name = zend_string_init_interned("COUNTER", sizeof("COUNTER") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_COUNTER_name, &const_COUNTER_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_COUNTER_name);

	zval const_HISTOGRAM_value;
	ZVAL_LONG(&const_HISTOGRAM_value, TB_METRIC_HISTOGRAM);
	zend_string *const_HISTOGRAM_name = zend_string_init_interned("HISTOGRAM", sizeof("HISTOGRAM") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_HISTOGRAM_name, &const_HISTOGRAM_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_HISTOGRAM_name);

	zval const_GAUGE_value;
	ZVAL_LONG(&const_GAUGE_value, TB_METRIC_GAUGE);
	zend_string *const_GAUGE_name = zend_string_init_interned("GAUGE", sizeof("GAUGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_GAUGE_name, &const_GAUGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_GAUGE_name);

	return class_entry;
}

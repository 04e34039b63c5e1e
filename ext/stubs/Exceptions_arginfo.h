/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7aa411bc04fd578b7bfc0395fcbadb98b58136f8 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_TrueAsync_Temporal_Core_ServiceException_getGrpcMessage, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_TrueAsync_Temporal_Core_ServiceException_getDetails arginfo_class_TrueAsync_Temporal_Core_ServiceException_getGrpcMessage

#define arginfo_class_TrueAsync_Temporal_Core_DeadlockException_getWorkflowStack arginfo_class_TrueAsync_Temporal_Core_ServiceException_getGrpcMessage


ZEND_METHOD(TrueAsync_Temporal_Core_ServiceException, getGrpcMessage);
ZEND_METHOD(TrueAsync_Temporal_Core_ServiceException, getDetails);
ZEND_METHOD(TrueAsync_Temporal_Core_DeadlockException, getWorkflowStack);


static const zend_function_entry class_TrueAsync_Temporal_Core_TemporalException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TrueAsync_Temporal_Core_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TrueAsync_Temporal_Core_ServiceException_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_ServiceException, getGrpcMessage, arginfo_class_TrueAsync_Temporal_Core_ServiceException_getGrpcMessage, ZEND_ACC_PUBLIC)
	ZEND_ME(TrueAsync_Temporal_Core_ServiceException, getDetails, arginfo_class_TrueAsync_Temporal_Core_ServiceException_getDetails, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_TrueAsync_Temporal_Core_CancelledException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TrueAsync_Temporal_Core_NonDeterministicCallException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_TrueAsync_Temporal_Core_DeadlockException_methods[] = {
	ZEND_ME(TrueAsync_Temporal_Core_DeadlockException, getWorkflowStack, arginfo_class_TrueAsync_Temporal_Core_DeadlockException_getWorkflowStack, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_TrueAsync_Temporal_Core_TemporalException(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "TemporalException", class_TrueAsync_Temporal_Core_TemporalException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	return class_entry;
}

static zend_class_entry *register_class_TrueAsync_Temporal_Core_ConnectionException(zend_class_entry *class_entry_TrueAsync_Temporal_Core_TemporalException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "ConnectionException", class_TrueAsync_Temporal_Core_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TrueAsync_Temporal_Core_TemporalException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_TrueAsync_Temporal_Core_ServiceException(zend_class_entry *class_entry_TrueAsync_Temporal_Core_TemporalException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "ServiceException", class_TrueAsync_Temporal_Core_ServiceException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TrueAsync_Temporal_Core_TemporalException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_grpcMessage_default_value;
	ZVAL_EMPTY_STRING(&property_grpcMessage_default_value);
	zend_string *property_grpcMessage_name = zend_string_init("grpcMessage", sizeof("grpcMessage") - 1, 1);
	zend_declare_typed_property(class_entry, property_grpcMessage_name, &property_grpcMessage_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_grpcMessage_name);

	zval property_details_default_value;
	ZVAL_EMPTY_STRING(&property_details_default_value);
	zend_string *property_details_name = zend_string_init("details", sizeof("details") - 1, 1);
	zend_declare_typed_property(class_entry, property_details_name, &property_details_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_details_name);

	return class_entry;
}

static zend_class_entry *register_class_TrueAsync_Temporal_Core_CancelledException(zend_class_entry *class_entry_TrueAsync_Temporal_Core_TemporalException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "CancelledException", class_TrueAsync_Temporal_Core_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TrueAsync_Temporal_Core_TemporalException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_TrueAsync_Temporal_Core_NonDeterministicCallException(zend_class_entry *class_entry_TrueAsync_Temporal_Core_TemporalException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "NonDeterministicCallException", class_TrueAsync_Temporal_Core_NonDeterministicCallException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TrueAsync_Temporal_Core_TemporalException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_TrueAsync_Temporal_Core_DeadlockException(zend_class_entry *class_entry_TrueAsync_Temporal_Core_TemporalException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "TrueAsync\\Temporal\\Core", "DeadlockException", class_TrueAsync_Temporal_Core_DeadlockException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_TrueAsync_Temporal_Core_TemporalException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_workflowStack_default_value;
	ZVAL_EMPTY_STRING(&property_workflowStack_default_value);
	zend_string *property_workflowStack_name = zend_string_init("workflowStack", sizeof("workflowStack") - 1, 1);
	zend_declare_typed_property(class_entry, property_workflowStack_name, &property_workflowStack_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_workflowStack_name);

	return class_entry;
}

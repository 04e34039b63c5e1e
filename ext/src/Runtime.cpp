#include "Runtime.h"

#include "php.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "Exceptions.h"
#include "bridge/Handles.h"

#include "../stubs/Runtime_arginfo.h"

namespace temporal {

void registerRuntime() {
    register_class_TrueAsync_Temporal_Core_Runtime();
}

}  // namespace temporal

ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, __construct) {}

ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, configure) {
    zend_string* options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(options)
    ZEND_PARSE_PARAMETERS_END();

    temporal::guarded([&] {
        TbBuffer* raw = nullptr;
        temporal::ErrorPtr error(tb_runtime_configure(temporal::toBytes({ZSTR_VAL(options), ZSTR_LEN(options)}), &raw));
        if (error) {
            temporal::throwRejection(error.get());
            return;
        }
        temporal::BufferPtr started(raw);
        std::string_view json = temporal::toView(tb_buffer_data(started.get()));
        RETVAL_STRINGL(json.data(), json.size());
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, takeLogs) {
    ZEND_PARSE_PARAMETERS_NONE();

    temporal::guarded([&] {
        TbBuffer* raw = nullptr;
        temporal::ErrorPtr error(tb_runtime_take_logs(&raw));
        if (error) {
            temporal::throwRejection(error.get());
            return;
        }
        if (raw == nullptr) {
            RETVAL_NULL();
            return;
        }
        temporal::BufferPtr logs(raw);
        std::string_view json = temporal::toView(tb_buffer_data(logs.get()));
        RETVAL_STRINGL(json.data(), json.size());
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Runtime, trimMemory) {
    ZEND_PARSE_PARAMETERS_NONE();
#if defined(__GLIBC__)
    RETURN_BOOL(malloc_trim(0) == 1);
#else
    RETURN_FALSE;  // musl returns freed memory by itself and has no malloc_trim
#endif
}

#include "EnvConfig.h"

#include "php.h"

#include "Exceptions.h"
#include "bridge/Handles.h"

#include "../stubs/EnvConfig_arginfo.h"

namespace temporal {

void registerEnvConfig() {
    register_class_TrueAsync_Temporal_Core_EnvConfig();
}

}  // namespace temporal

ZEND_METHOD(TrueAsync_Temporal_Core_EnvConfig, __construct) {}

ZEND_METHOD(TrueAsync_Temporal_Core_EnvConfig, loadProfile) {
    zend_string* request;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(request)
    ZEND_PARSE_PARAMETERS_END();

    temporal::guarded([&] {
        TbBuffer* raw = nullptr;
        temporal::ErrorPtr error(tb_envconfig_load_profile(temporal::toBytes({ZSTR_VAL(request), ZSTR_LEN(request)}), &raw));
        if (error) {
            temporal::throwRejection(error.get());
            return;
        }
        temporal::BufferPtr profile(raw);
        std::string_view json = temporal::toView(tb_buffer_data(profile.get()));
        RETVAL_STRINGL(json.data(), json.size());
    });
}

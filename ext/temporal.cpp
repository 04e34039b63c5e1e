// Module entry of the `temporal` extension: wiring only.
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php_temporal.h"

#include <string>
#include <string_view>

#include "ext/standard/info.h"

#include "src/CancellationToken.h"
#include "src/CompletionQueue.h"
#include "src/DeterminismGuard.h"
#include "src/Connection.h"
#include "src/EnvConfig.h"
#include "src/Runtime.h"
#include "src/Metric.h"
#include "src/Exceptions.h"
#include "src/bridge/Handles.h"
#include "src/PendingOperation.h"
#include "src/Replayer.h"
#include "src/Worker.h"

namespace {

PHP_MINIT_FUNCTION(temporal) {
    temporal::registerExceptions();
    temporal::registerCancellationToken();
    temporal::registerPendingOperation();
    temporal::registerCompletionQueue();
    temporal::registerConnection();
    temporal::registerEnvConfig();
    temporal::registerRuntime();
    temporal::registerMetric();
    temporal::registerWorker();
    temporal::registerReplayer();
    temporal::registerDeterminismGuard();
    return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(temporal) {
    temporal::shutdownDeterminismGuard();
    return SUCCESS;
}

PHP_RSHUTDOWN_FUNCTION(temporal) {
    temporal::endGuardRequest();
    temporal::endRequest();
    return SUCCESS;
}

PHP_MINFO_FUNCTION(temporal) {
    std::string_view bridge = temporal::toView(tb_version());
    std::string bridgeVersion(bridge);
    php_info_print_table_start();
    php_info_print_table_row(2, "temporal support", "enabled");
    php_info_print_table_row(2, "extension version", PHP_TEMPORAL_VERSION);
    php_info_print_table_row(2, "bridge version", bridgeVersion.c_str());
#ifdef TEMPORAL_WITH_TRUEASYNC
    php_info_print_table_row(2, "waker", "TrueAsync");
#else
    php_info_print_table_row(2, "waker", "blocking");
#endif
    php_info_print_table_end();
}

const zend_module_dep temporalDeps[] = {
    ZEND_MOD_REQUIRED("json")
    // Loaded first when present, so that DeterminismGuard can swap curl_exec() at MINIT.
    ZEND_MOD_OPTIONAL("curl")
    ZEND_MOD_END
};

}  // namespace

zend_module_entry temporal_module_entry = {
    STANDARD_MODULE_HEADER_EX,
    nullptr,
    temporalDeps,
    "temporal",
    nullptr,
    PHP_MINIT(temporal),
    PHP_MSHUTDOWN(temporal),
    nullptr,
    PHP_RSHUTDOWN(temporal),
    PHP_MINFO(temporal),
    PHP_TEMPORAL_VERSION,
    STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_TEMPORAL
ZEND_GET_MODULE(temporal)
#endif

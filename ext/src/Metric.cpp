#include "Metric.h"

#include <unistd.h>

#include "ZendObject.h"

#include "Exceptions.h"
#include "bridge/Handles.h"

#include "../stubs/Metric_arginfo.h"

namespace temporal {

namespace {

struct MetricFree { void operator()(TbMetric* h) const noexcept { tb_metric_free(h); } };
using MetricPtr = std::unique_ptr<TbMetric, MetricFree>;

struct MetricObject {
    MetricPtr handle;
    pid_t owner;
    zend_object std;
};

zend_object_handlers handlers;

zend_object* createMetric(zend_class_entry* ce) {
    return allocateObject<MetricObject>(ce, &handlers);
}

void freeMetric(zend_object* object) {
    auto* self = objectOf<MetricObject>(object);
    releaseOwned(self->handle, self->owner);
    destroyObject<MetricObject>(object);
}

}  // namespace

void registerMetric() {
    zend_class_entry* ce = register_class_TrueAsync_Temporal_Core_Metric();
    ce->create_object = createMetric;
    initHandlers<MetricObject>(&handlers, freeMetric);
}

}  // namespace temporal

using temporal::MetricObject;
using temporal::objectOf;

ZEND_METHOD(TrueAsync_Temporal_Core_Metric, __construct) {
    zend_long kind;
    zend_string* name;
    zend_string* description = ZSTR_EMPTY_ALLOC();
    zend_string* unit = ZSTR_EMPTY_ALLOC();
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_LONG(kind)
        Z_PARAM_STR(name)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(description)
        Z_PARAM_STR(unit)
    ZEND_PARSE_PARAMETERS_END();

    auto* self = objectOf<MetricObject>(Z_OBJ_P(ZEND_THIS));
    if (self->handle) {
        zend_throw_error(nullptr, "TrueAsync\\Temporal\\Core\\Metric is already constructed");
        return;
    }
    if (kind < 0 || kind > UINT32_MAX) {
        zend_argument_value_error(1, "must be Metric::COUNTER, Metric::HISTOGRAM or Metric::GAUGE");
        return;
    }
    temporal::guarded([&] {
        TbMetric* raw = nullptr;
        temporal::ErrorPtr error(tb_metric_new(static_cast<uint32_t>(kind),
            temporal::toBytes({ZSTR_VAL(name), ZSTR_LEN(name)}),
            temporal::toBytes({ZSTR_VAL(description), ZSTR_LEN(description)}),
            temporal::toBytes({ZSTR_VAL(unit), ZSTR_LEN(unit)}), &raw));
        if (error) {
            temporal::throwRejection(error.get());
            return;
        }
        self->handle.reset(raw);
        self->owner = getpid();
    });
}

ZEND_METHOD(TrueAsync_Temporal_Core_Metric, record) {
    double value;
    zend_string* attributes = ZSTR_EMPTY_ALLOC();
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_DOUBLE(value)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(attributes)
    ZEND_PARSE_PARAMETERS_END();

    auto* self = objectOf<MetricObject>(Z_OBJ_P(ZEND_THIS));
    if (!self->handle) {
        zend_throw_error(nullptr, "TrueAsync\\Temporal\\Core\\Metric is not constructed");
        return;
    }
    temporal::guarded([&] {
        temporal::ErrorPtr error(tb_metric_record(self->handle.get(), value,
            temporal::toBytes({ZSTR_VAL(attributes), ZSTR_LEN(attributes)})));
        if (error) {
            temporal::throwRejection(error.get());
        }
    });
}

// TrueAsync\Temporal\Core\Metric: a custom metric instrument on the runtime's meter.
#ifndef TEMPORAL_METRIC_H
#define TEMPORAL_METRIC_H

namespace temporal {

void registerMetric();

}  // namespace temporal

#endif

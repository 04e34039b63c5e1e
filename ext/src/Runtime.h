// TrueAsync\Temporal\Core\Runtime: the process's core runtime, configured before first use.
#ifndef TEMPORAL_RUNTIME_H
#define TEMPORAL_RUNTIME_H

namespace temporal {

void registerRuntime();

}  // namespace temporal

#endif

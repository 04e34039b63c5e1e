// TrueAsync\Temporal\Core\Worker: wraps a TbWorker (a core worker on one task queue) and its operations.
#ifndef TEMPORAL_WORKER_H
#define TEMPORAL_WORKER_H

#include "php.h"

#include "temporal_bridge.h"

namespace temporal {

extern zend_class_entry* workerCe;

void registerWorker();

// A Worker object owning `worker` (a replay worker: no Connection). Takes ownership; never fails.
zend_object* newConnectionlessWorker(TbWorker* worker);

}  // namespace temporal

#endif

// TrueAsync\Temporal\Core\Worker: wraps a TbWorker (a core worker on one task queue) and its operations.
#ifndef TEMPORAL_WORKER_H
#define TEMPORAL_WORKER_H

#include "php.h"

namespace temporal {

extern zend_class_entry* workerCe;

void registerWorker();

}  // namespace temporal

#endif

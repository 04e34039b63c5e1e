// TrueAsync\Temporal\Core\CompletionQueue, and the drain that delivers completions on the PHP thread.
#ifndef TEMPORAL_COMPLETION_QUEUE_H
#define TEMPORAL_COMPLETION_QUEUE_H

#include <cstdint>

#include "php.h"

#include "temporal_bridge.h"
#include "bridge/Deadline.h"
#include "bridge/OperationTable.h"

namespace temporal {

void registerCompletionQueue();

// RSHUTDOWN: the queue and the operation bookkeeping live for one request.
void endRequest();

// The queue of this process, made on first use; null after throwing if the bridge could not make one.
TbQueue* activeQueue();

OperationTable& operations();

// Pops every completion available now, delivers each one to its PendingOperation and frees it.
void drainCompletions();

// One wait of the process's waker (see wake/Waker.h); false if a PHP exception interrupted it.
bool waitForCompletions(uint32_t timeoutMs);

// Drains, then waits and drains again until `done()` holds or the deadline passes; `beforeDrain()` runs before
// each drain. Returns false when a PHP exception is pending (the wait was interrupted or the queue could not be
// made); the caller returns at once.
template <class Done, class BeforeDrain>
bool driveQueue(Deadline deadline, Done done, BeforeDrain beforeDrain) {
    beforeDrain();
    drainCompletions();
    while (EG(exception) == nullptr && !done() && !deadline.passed()) {
        if (!waitForCompletions(deadline.remainingMs())) {
            break;
        }
        beforeDrain();
        drainCompletions();
    }
    return EG(exception) == nullptr;
}

template <class Done>
bool driveQueue(Deadline deadline, Done done) {
    return driveQueue(deadline, done, [] {});
}

}  // namespace temporal

#endif

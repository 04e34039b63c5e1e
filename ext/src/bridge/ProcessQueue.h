// The completion queue of this process and the waker that waits on it. Plain C++.
#ifndef TEMPORAL_PROCESS_QUEUE_H
#define TEMPORAL_PROCESS_QUEUE_H

#include <sys/types.h>

#include <memory>

#include "bridge/Handles.h"
#include "wake/Waker.h"

namespace temporal {

class ProcessQueue {
public:
    // The queue of the calling process, made on first use. After fork() the child gets a queue of its own
    // (the parent's lock may have been held by a Tokio thread that does not exist in the child) and the
    // parent's is parked; `replaced` then says so. Null if the bridge could not make a queue.
    TbQueue* get(bool* replaced);

    // Valid after get() returned a queue.
    Waker& waker() { return *waker_; }

    // Frees the queue at the end of a request; the next get() makes a new one. Completions still owed are
    // dropped with the queue's last reference, inside the bridge.
    void close();

private:
    QueuePtr queue_;
    pid_t owner_ = 0;
    std::unique_ptr<Waker> waker_;
};

}  // namespace temporal

#endif

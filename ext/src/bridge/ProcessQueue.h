// The completion queue of this process and the waker that waits on it. Plain C++.
#ifndef TEMPORAL_PROCESS_QUEUE_H
#define TEMPORAL_PROCESS_QUEUE_H

#include <sys/types.h>

#include <memory>

#include "bridge/Handles.h"
#include "wake/ReadinessFd.h"
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

    // The queue's readiness descriptor (wake/ReadinessFd.h), made on first use; -1 with errno set if it could
    // not be made. `pending`: completions were drained but not collected yet. Only after get() returned a queue.
    int readinessFd(bool pending) { return readiness_.open(queue_.get(), pending); }

    // Disarms it before CompletionQueue::wait() drains. Only after get() returned a queue.
    void clearReadiness() { readiness_.clear(); }

    // Frees the queue and closes its readiness descriptor at the end of a request; the next get() makes new
    // ones. Completions still owed are dropped with the queue's last reference, inside the bridge.
    void close();

private:
    QueuePtr queue_;
    pid_t owner_ = 0;
    std::unique_ptr<Waker> waker_;
    ReadinessFd readiness_;
};

}  // namespace temporal

#endif

#include "bridge/ProcessQueue.h"

#include <unistd.h>

namespace temporal {

TbQueue* ProcessQueue::get(bool* replaced) {
    *replaced = false;
    if (queue_ && owner_ == getpid()) {
        return queue_.get();
    }
    if (queue_) {
        // Forked child: never detach (that takes the parent's waker lock) nor free the parent's queue.
        readiness_.closeInherited();
        parkForever(queue_.release());
        parkForever(waker_.release());
        *replaced = true;
    }
    queue_.reset(tb_queue_new());
    if (!queue_) {
        return nullptr;
    }
    owner_ = getpid();
    waker_ = makeWaker();
    waker_->attach(queue_.get());
    return queue_.get();
}

void ProcessQueue::close() {
    if (!queue_) {
        return;
    }
    if (owner_ == getpid()) {
        readiness_.close(queue_.get());
        waker_->detach();
        waker_.reset();
        queue_.reset();
    } else {
        readiness_.closeInherited();
        parkForever(queue_.release());
        parkForever(waker_.release());
    }
}

}  // namespace temporal

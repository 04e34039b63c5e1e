// The completion queue's readiness descriptor: an eventfd that polls readable while a completion has arrived
// that CompletionQueue::wait() has not collected, so PHP can stream_select the queue together with other streams
// (a process pool's child sockets) instead of blocking on the queue's condvar. Plain C++.
//
// The bridge writes it on the queue's empty->non-empty transition (tb_queue_set_readiness_fd), in a slot beside
// the waker hook's: the hook belongs to the waker (wake/Waker.h), and the descriptor works under either waker.
#ifndef TEMPORAL_WAKE_READINESS_FD_H
#define TEMPORAL_WAKE_READINESS_FD_H

#include "temporal_bridge.h"

namespace temporal {

class ReadinessFd {
public:
    // The descriptor, made (EFD_CLOEXEC | EFD_NONBLOCK) and handed to `queue` on the first call; the bridge arms
    // it at once if completions are already waiting, and so does `pending` (ones drained but not collected).
    // -1 with errno set if no eventfd could be made. PHP thread.
    int open(TbQueue* queue, bool pending);

    // Empties the counter: the descriptor polls unreadable until the next transition. Called before a drain,
    // so a completion pushed after it re-arms the descriptor and none is missed. PHP thread.
    void clear();

    // Takes the descriptor back from `queue` (which waits out a write in progress), then closes it.
    void close(TbQueue* queue);

    // In a forked child: closes the child's copy of the parent's descriptor without telling the parent's queue.
    void closeInherited();

private:
    int fd_ = -1;
};

}  // namespace temporal

#endif

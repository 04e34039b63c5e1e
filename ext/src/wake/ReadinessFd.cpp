#include "wake/ReadinessFd.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace temporal {

int ReadinessFd::open(TbQueue* queue, bool pending) {
    if (fd_ >= 0) {
        return fd_;
    }
    // CLOEXEC: a proc_open'd child must not hold the parent's wake-ups. NONBLOCK: the bridge writes it from a
    // Tokio thread, which must never block, and clear() reads it whether or not it is armed.
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    fd_ = fd;
    tb_queue_set_readiness_fd(queue, fd_);
    if (pending) {
        const uint64_t one = 1;
        (void)!write(fd_, &one, sizeof one);
    }
    return fd_;
}

void ReadinessFd::clear() {
    if (fd_ < 0) {
        return;
    }
    uint64_t count;
    // One read empties an eventfd's counter; EAGAIN means it was not armed.
    (void)!read(fd_, &count, sizeof count);
}

void ReadinessFd::close(TbQueue* queue) {
    if (fd_ < 0) {
        return;
    }
    tb_queue_set_readiness_fd(queue, -1);
    ::close(fd_);
    fd_ = -1;
}

void ReadinessFd::closeInherited() {
    if (fd_ < 0) {
        return;
    }
    // The copy refers to the parent's eventfd: a clear() here would empty the parent's counter and lose its
    // wake-up, so the child never keeps it. Closing only drops the child's reference. The parked queue still
    // names the number, but nothing in the child can write it: only the parent's runtime threads push onto
    // that queue, and fork() did not copy them (the bridge refuses the parent's handles here).
    ::close(fd_);
    fd_ = -1;
}

}  // namespace temporal

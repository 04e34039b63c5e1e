//! A queue's readiness descriptor: an eventfd the queue writes on the same empty→non-empty transition
//! that calls the waker hook, so PHP can poll the queue together with other descriptors (a process
//! pool's child sockets) instead of blocking on the queue's condvar.
//!
//! It has a slot of its own beside the hook's: the hook belongs to the waker (the TrueAsync waker
//! installs its trigger there), and the descriptor must keep working whichever waker is built in.
//! The extension owns the descriptor (ext/src/wake/ReadinessFd.cpp); the queue only writes it.

use crate::guard;
use crate::queue::{CompletionQueue, TbQueue};
use std::ffi::c_void;
use std::os::fd::RawFd;
use std::sync::MutexGuard;

impl CompletionQueue {
    fn readiness_slot(&self) -> MutexGuard<'_, Option<RawFd>> {
        // The slot is a plain Option written whole, so a poisoned lock still holds a consistent value.
        self.readiness.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes the descriptor readable. Runs on whichever thread pushed (a Tokio thread), under the items
    /// lock: one write(2) under the slot's lock, which keeps the descriptor open until the write is over.
    pub(crate) fn signal_readiness(&self) {
        if let Some(fd) = *self.readiness_slot() {
            write_one(fd);
        }
    }

    /// Replaces the descriptor; returns once no write to the previous one is running. A queue that
    /// already holds completions arms the new descriptor at once: their transition happened before it.
    pub(crate) fn set_readiness_fd(&self, fd: Option<RawFd>) {
        // Both locks in push's order; holding the items lock keeps a push from slipping between the check
        // and the install.
        let items = self.items();
        let mut slot = self.readiness_slot();
        *slot = fd;
        if let Some(fd) = fd
            && !items.is_empty()
        {
            write_one(fd);
        }
    }
}

// Adds 1 to an eventfd's counter. The descriptor is non-blocking: a full counter (EAGAIN) is already
// readable, and any other failure has no one to report to on a Tokio thread.
fn write_one(fd: RawFd) {
    let one: u64 = 1;
    loop {
        let written = unsafe { libc::write(fd, (&one as *const u64).cast::<c_void>(), size_of::<u64>()) };
        if written >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return;
        }
    }
}

/// Installs (or with `fd < 0` removes) the descriptor the queue writes an eventfd increment of 1 to on
/// every empty→non-empty transition, and at once if completions are already waiting. Returns only when
/// no write to the previous descriptor is running, so the caller may then close it. Does nothing to a
/// queue made before a fork (its lock may have been held by a thread the fork did not copy).
///
/// # Safety
/// `queue` must be live; `fd` a non-blocking eventfd that stays open until it is replaced. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_queue_set_readiness_fd(queue: *mut TbQueue, fd: i32) {
    let queue = unsafe { &*queue };
    if queue.0.is_foreign() {
        return;
    }
    guard(|_| (), || queue.0.set_readiness_fd((fd >= 0).then_some(fd)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::TbCompletion;

    fn eventfd() -> RawFd {
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        assert!(fd >= 0, "eventfd: {}", std::io::Error::last_os_error());
        fd
    }

    // The counter's value, emptied; 0 when nothing was written since the last read.
    fn take(fd: RawFd) -> u64 {
        let mut value: u64 = 0;
        let read = unsafe { libc::read(fd, (&mut value as *mut u64).cast::<c_void>(), size_of::<u64>()) };
        if read < 0 { 0 } else { value }
    }

    #[test]
    fn the_descriptor_is_written_on_each_empty_to_non_empty_transition() {
        let (q, fd) = (CompletionQueue::new(), eventfd());
        q.set_readiness_fd(Some(fd));
        assert_eq!(take(fd), 0, "an empty queue does not arm it");
        q.push(TbCompletion::ok(1, vec![]));
        q.push(TbCompletion::ok(2, vec![]));
        assert_eq!(take(fd), 1);
        while q.pop().is_some() {}
        q.push(TbCompletion::ok(3, vec![]));
        assert_eq!(take(fd), 1);
        q.set_readiness_fd(None);
        while q.pop().is_some() {}
        q.push(TbCompletion::ok(4, vec![]));
        assert_eq!(take(fd), 0, "a removed descriptor is not written");
        unsafe { libc::close(fd) };
    }

    // A waiter that sees the completion finds the descriptor already armed: CompletionQueue::wait() clears
    // it before it drains, so a write landing after the drain would leave it armed with nothing to collect.
    #[test]
    fn the_descriptor_is_armed_before_a_waiter_can_see_the_completion() {
        let (q, fd) = (std::sync::Arc::new(CompletionQueue::new()), eventfd());
        q.set_readiness_fd(Some(fd));
        for round in 0..200 {
            let pusher = std::sync::Arc::clone(&q);
            let t = std::thread::spawn(move || pusher.push(TbCompletion::ok(round, vec![])));
            assert!(q.wait(std::time::Duration::from_secs(30)));
            assert_eq!(take(fd), 1, "round {round}");
            assert!(q.pop().is_some());
            t.join().unwrap();
        }
        unsafe { libc::close(fd) };
    }

    #[test]
    fn a_descriptor_installed_over_waiting_completions_is_armed_at_once() {
        let (q, fd) = (CompletionQueue::new(), eventfd());
        q.push(TbCompletion::ok(1, vec![]));
        q.set_readiness_fd(Some(fd));
        assert_eq!(take(fd), 1);
        unsafe { libc::close(fd) };
    }
}

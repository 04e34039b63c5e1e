//! Keeps asynchronous signals away from the core's threads, so that a signal sent to the process
//! (Ctrl-C, `kill`, SIGCHLD of a pool child) is handled by PHP's main thread: the kernel delivers a
//! process-directed signal to any thread that does not block it, and a Tokio thread has no PHP
//! handler to run (pcntl only sets a flag that PHP's thread then has to notice).
//!
//! Every thread the core runs starts with them blocked: Tokio's threads block them as they start
//! (the runtime's thread-start hook), and the threads the core starts itself (`workflow-processing`,
//! `temporal-real-sysinfo`) inherit the mask of the thread that creates them, which is PHP's thread
//! inside `init_worker` — so the bridge blocks them there for the duration of the call.

use std::mem::MaybeUninit;

/// Signals the kernel raises on the faulting thread itself. Blocking one of these would not keep it
/// from that thread: the kernel kills the process instead of running a handler (or the default core
/// dump), so they stay open.
const SYNCHRONOUS: [libc::c_int; 7] =
    [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGABRT, libc::SIGTRAP, libc::SIGSYS];

fn asynchronous_signals() -> libc::sigset_t {
    let mut set = MaybeUninit::<libc::sigset_t>::uninit();
    unsafe {
        libc::sigfillset(set.as_mut_ptr());
        for signal in SYNCHRONOUS {
            libc::sigdelset(set.as_mut_ptr(), signal);
        }
        set.assume_init()
    }
}

fn mask(how: libc::c_int, set: &libc::sigset_t) -> libc::sigset_t {
    let mut previous = MaybeUninit::<libc::sigset_t>::uninit();
    // Fails only for an invalid `how`; glibc silently keeps its own cancellation signals unblocked.
    unsafe {
        libc::pthread_sigmask(how, set, previous.as_mut_ptr());
        previous.assume_init()
    }
}

/// Blocks them on the calling thread for the rest of its life: each runtime thread, as it starts.
pub(crate) fn block_on_this_thread() {
    mask(libc::SIG_BLOCK, &asynchronous_signals());
}

/// Runs `start` with them blocked on the calling thread, so every thread it starts inherits the
/// blocked mask, then restores the caller's mask (also when `start` panics).
pub(crate) fn blocked_while<T>(start: impl FnOnce() -> T) -> T {
    struct Restore(libc::sigset_t);
    impl Drop for Restore {
        fn drop(&mut self) {
            mask(libc::SIG_SETMASK, &self.0);
        }
    }
    let _restore = Restore(mask(libc::SIG_BLOCK, &asynchronous_signals()));
    start()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked_on_this_thread(signal: libc::c_int) -> bool {
        let current = mask(libc::SIG_BLOCK, &unsafe { MaybeUninit::zeroed().assume_init() });
        unsafe { libc::sigismember(&current, signal) == 1 }
    }

    #[test]
    fn threads_started_while_blocked_inherit_the_mask_and_the_caller_gets_its_own_back() {
        assert!(!blocked_on_this_thread(libc::SIGINT), "the test thread starts with SIGINT open");
        let inherited = blocked_while(|| {
            std::thread::spawn(|| {
                [libc::SIGINT, libc::SIGTERM, libc::SIGCHLD, libc::SIGUSR1, libc::SIGPIPE]
                    .map(blocked_on_this_thread)
                    .into_iter()
                    .chain([libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE].map(|s| !blocked_on_this_thread(s)))
                    .all(|ok| ok)
            })
        })
        .join()
        .unwrap();
        assert!(inherited, "the spawned thread blocks the asynchronous signals and only those");
        assert!(!blocked_on_this_thread(libc::SIGINT), "the caller's mask is restored");
    }

    #[test]
    fn the_runtime_threads_block_them_and_the_thread_that_built_the_runtime_does_not() {
        let handle = crate::runtime::handle().unwrap();
        let on_worker = handle.block_on(async {
            tokio::spawn(async { blocked_on_this_thread(libc::SIGTERM) }).await.unwrap()
        });
        let on_blocking = handle.block_on(async {
            tokio::task::spawn_blocking(|| blocked_on_this_thread(libc::SIGTERM)).await.unwrap()
        });
        assert!(on_worker && on_blocking);
        assert!(!blocked_on_this_thread(libc::SIGTERM));
    }
}

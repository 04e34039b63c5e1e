//! Keeps `fork()` safe for a child that builds its own core runtime.
//!
//! The core turns on tokio's `parking_lot` feature, and parking_lot keeps one process-wide table of
//! parked threads. A runtime thread that is parked when the process forks stays listed in the child's
//! copy of that table, pointing into thread-local memory the child frees and reuses; the child's own
//! runtime threads then walk those entries (a use-after-free that memcheck reports). So, across every
//! fork, each runtime worker is held busy in a spin task instead of parked, and idle blocking-pool
//! threads are not kept alive (see `runtime::build`).

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static HOLD: AtomicBool = AtomicBool::new(false);
static HELD: AtomicUsize = AtomicUsize::new(0);
static INSTALL: Once = Once::new();

// Workers pick a spin task up within microseconds; the bound only protects against a worker stuck in
// blocking code, in which case the fork goes ahead as it would without this guard.
const HOLD_LIMIT: Duration = Duration::from_millis(500);

/// Registers the fork handlers once per process image (a child inherits them).
pub(crate) fn install() {
    INSTALL.call_once(|| unsafe {
        libc::pthread_atfork(Some(before_fork), Some(after_fork), Some(after_fork));
    });
}

unsafe extern "C" fn before_fork() {
    crate::guard(|_| (), hold_workers);
}

unsafe extern "C" fn after_fork() {
    HOLD.store(false, Ordering::Release);
}

fn hold_workers() {
    let Some(handle) = crate::runtime::current_handle() else {
        return;
    };
    let workers = handle.metrics().num_workers();
    HELD.store(0, Ordering::SeqCst);
    HOLD.store(true, Ordering::SeqCst);
    for _ in 0..workers {
        handle.spawn(async {
            HELD.fetch_add(1, Ordering::SeqCst);
            while HOLD.load(Ordering::Acquire) {
                std::hint::spin_loop();
            }
        });
    }
    let deadline = Instant::now() + HOLD_LIMIT;
    while HELD.load(Ordering::SeqCst) < workers && Instant::now() < deadline {
        std::thread::yield_now();
    }
}

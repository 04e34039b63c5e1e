//! CompletionQueue: where Tokio threads post the one completion of every accepted operation and
//! the PHP thread collects them. No C code runs on a Tokio thread except the waker hook.

use crate::{TbBytes, TbConnection, guard};
use std::collections::VecDeque;
use std::ffi::c_void;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

pub const TB_STATUS_OK: u32 = 0;
pub const TB_STATUS_SHUTDOWN: u32 = 1;
pub const TB_STATUS_GRPC_ERROR: u32 = 2;
pub const TB_STATUS_CANCELLED: u32 = 3;
pub const TB_STATUS_ERROR: u32 = 4;

/// Called by a Tokio thread when the queue goes from empty to non-empty. Must not block and must not
/// call back into the queue.
pub type TbWakeFn = Option<unsafe extern "C" fn(ctx: *mut c_void)>;

/// The single result of an accepted operation. Owned by whoever popped it; freed once.
pub struct TbCompletion {
    pub(crate) op_id: u64,
    pub(crate) status: u32,
    grpc_code: i32,
    data: Vec<u8>,
    pub(crate) message: String,
    details: Vec<u8>,
    connection: Option<Box<TbConnection>>,
}

impl TbCompletion {
    fn new(op_id: u64, status: u32) -> Self {
        let (data, message, details) = (Vec::new(), String::new(), Vec::new());
        Self { op_id, status, grpc_code: 0, data, message, details, connection: None }
    }

    pub(crate) fn ok(op_id: u64, data: Vec<u8>) -> Self {
        Self { data, ..Self::new(op_id, TB_STATUS_OK) }
    }

    pub(crate) fn connected(op_id: u64, connection: TbConnection) -> Self {
        Self { connection: Some(Box::new(connection)), ..Self::new(op_id, TB_STATUS_OK) }
    }

    pub(crate) fn grpc_error(op_id: u64, code: i32, message: String, details: Vec<u8>) -> Self {
        Self { grpc_code: code, message, details, ..Self::new(op_id, TB_STATUS_GRPC_ERROR) }
    }

    pub(crate) fn shutdown(op_id: u64) -> Self {
        Self { message: "worker has shut down".to_owned(), ..Self::new(op_id, TB_STATUS_SHUTDOWN) }
    }

    pub(crate) fn cancelled(op_id: u64) -> Self {
        Self { message: "operation cancelled".to_owned(), ..Self::new(op_id, TB_STATUS_CANCELLED) }
    }

    pub(crate) fn error(op_id: u64, message: String) -> Self {
        Self { message, ..Self::new(op_id, TB_STATUS_ERROR) }
    }
}

struct Waker {
    wake: unsafe extern "C" fn(*mut c_void),
    ctx: *mut c_void,
}

// The hook and its context are supplied by C++ with the promise (DESIGN.md) that they may be called
// from any thread until they are replaced.
unsafe impl Send for Waker {}

pub(crate) struct CompletionQueue {
    pid: u32,
    items: Mutex<VecDeque<TbCompletion>>,
    arrived: Condvar,
    // Held while the hook runs, so replacing it waits out an in-flight wake.
    waker: Mutex<Option<Waker>>,
    // An eventfd written on the same transition as the hook, held while written (readiness.rs). Lock order:
    // `items`, then `readiness`.
    pub(crate) readiness: Mutex<Option<std::os::fd::RawFd>>,
}

impl CompletionQueue {
    pub(crate) fn new() -> Self {
        let (items, waker, readiness) = (Mutex::new(VecDeque::new()), Mutex::new(None), Mutex::new(None));
        Self { pid: std::process::id(), items, arrived: Condvar::new(), waker, readiness }
    }

    pub(crate) fn is_foreign(&self) -> bool {
        self.pid != std::process::id()
    }

    pub(crate) fn items(&self) -> MutexGuard<'_, VecDeque<TbCompletion>> {
        // Every critical section below changes the deque with a single VecDeque call, so a poisoned lock
        // still guards a consistent queue.
        self.items.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn waker(&self) -> MutexGuard<'_, Option<Waker>> {
        self.waker.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn push(&self, completion: TbCompletion) {
        let was_empty = {
            let mut items = self.items();
            items.push_back(completion);
            let was_empty = items.len() == 1;
            if was_empty {
                // Under the items lock: no one can pop this completion before the descriptor is armed, so a
                // wait that collects it and clears the descriptor first never leaves it armed behind.
                self.signal_readiness();
            }
            was_empty
        };
        self.arrived.notify_all();
        if was_empty && let Some(waker) = self.waker().as_ref() {
            unsafe { (waker.wake)(waker.ctx) };
        }
    }

    pub(crate) fn pop(&self) -> Option<TbCompletion> {
        self.items().pop_front()
    }

    pub(crate) fn wait(&self, timeout: Duration) -> bool {
        let items = self.items();
        let (items, _) = self
            .arrived
            .wait_timeout_while(items, timeout, |items| items.is_empty())
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        !items.is_empty()
    }
}

/// A C handle on a queue; in-flight operations hold their own `Arc`, so the handle may be freed
/// at any time and late completions are dropped with the last reference.
pub struct TbQueue(pub(crate) Arc<CompletionQueue>);

/// A new, empty queue. The caller owns it and frees it with `tb_queue_free`. Any thread.
#[unsafe(no_mangle)]
pub extern "C" fn tb_queue_new() -> *mut TbQueue {
    Box::into_raw(Box::new(TbQueue(Arc::new(CompletionQueue::new()))))
}

/// Drops the caller's reference. In a process forked after the queue was made, the queue is leaked:
/// its locks may have been held by a thread that did not survive the fork.
///
/// # Safety
/// `queue` must come from `tb_queue_new` and not be freed before. PHP thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_queue_free(queue: *mut TbQueue) {
    if queue.is_null() {
        return;
    }
    let queue = unsafe { Box::from_raw(queue) };
    if queue.0.is_foreign() {
        std::mem::forget(queue);
    }
}

/// Installs (or with `wake == NULL` removes) the hook a Tokio thread calls on the empty→non-empty
/// transition. Returns only when no call of the previous hook is running, so the caller may then
/// destroy the previous `ctx`.
///
/// # Safety
/// `queue` must be live; `wake(ctx)` must be callable from any thread until replaced. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_queue_set_waker(queue: *mut TbQueue, wake: TbWakeFn, ctx: *mut c_void) {
    let queue = unsafe { &*queue };
    guard(|_| (), || {
        *queue.0.waker() = wake.map(|wake| Waker { wake, ctx });
    })
}

/// Blocks the calling thread until the queue is non-empty or `timeout_ms` passes; returns whether
/// a completion is waiting. Returns false at once for a queue made before a fork.
///
/// # Safety
/// `queue` must be live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_queue_wait(queue: *const TbQueue, timeout_ms: u32) -> bool {
    let queue = unsafe { &*queue };
    if queue.0.is_foreign() {
        return false;
    }
    guard(|_| false, || queue.0.wait(Duration::from_millis(timeout_ms.into())))
}

/// The oldest completion, or NULL when the queue is empty (or was made before a fork). The caller
/// owns it and frees it with `tb_completion_free`. Drain until NULL after every wake.
///
/// # Safety
/// `queue` must be live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_queue_pop(queue: *const TbQueue) -> *mut TbCompletion {
    let queue = unsafe { &*queue };
    if queue.0.is_foreign() {
        return std::ptr::null_mut();
    }
    guard(|_| None, || queue.0.pop()).map_or(std::ptr::null_mut(), |c| Box::into_raw(Box::new(c)))
}

// Accessors. Safety for all: `completion` must be a live completion popped from a queue. Any thread.
// Returned bytes are owned by the completion and valid until `tb_completion_free`.

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_op_id(completion: *const TbCompletion) -> u64 {
    unsafe { &*completion }.op_id
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_status(completion: *const TbCompletion) -> u32 {
    unsafe { &*completion }.status
}

/// The gRPC status code for `TB_STATUS_GRPC_ERROR`, else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_grpc_code(completion: *const TbCompletion) -> i32 {
    unsafe { &*completion }.grpc_code
}

/// The response bytes of a successful RPC.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_data(completion: *const TbCompletion) -> TbBytes {
    TbBytes::borrow(&unsafe { &*completion }.data)
}

/// A UTF-8 error message for every status but OK.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_message(completion: *const TbCompletion) -> TbBytes {
    TbBytes::borrow(unsafe { &*completion }.message.as_bytes())
}

/// For `TB_STATUS_GRPC_ERROR`: the encoded `google.rpc.Status`, possibly empty.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_details(completion: *const TbCompletion) -> TbBytes {
    TbBytes::borrow(&unsafe { &*completion }.details)
}

/// Moves the connection out of a successful connect completion (NULL if none or already taken).
/// The caller owns it and frees it with `tb_connection_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_take_connection(completion: *mut TbCompletion) -> *mut TbConnection {
    unsafe { &mut *completion }.connection.take().map_or(std::ptr::null_mut(), Box::into_raw)
}

/// Frees a completion and anything it still owns (an untaken connection). NULL is a no-op.
///
/// # Safety
/// `completion` must have been popped and not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_completion_free(completion: *mut TbCompletion) {
    if !completion.is_null() {
        drop(unsafe { Box::from_raw(completion) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static WAKES: AtomicUsize = AtomicUsize::new(0);
    unsafe extern "C" fn count_wake(_: *mut c_void) {
        WAKES.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn completions_come_out_in_order_and_wake_only_on_empty_to_non_empty() {
        let q = CompletionQueue::new();
        *q.waker() = Some(Waker { wake: count_wake, ctx: std::ptr::null_mut() });
        q.push(TbCompletion::ok(1, vec![]));
        q.push(TbCompletion::ok(2, vec![]));
        assert_eq!(WAKES.load(Ordering::SeqCst), 1);
        assert_eq!(q.pop().map(|c| c.op_id), Some(1));
        assert_eq!(q.pop().map(|c| c.op_id), Some(2));
        assert!(q.pop().is_none());
        q.push(TbCompletion::ok(3, vec![]));
        assert_eq!(WAKES.load(Ordering::SeqCst), 2);
    }

    unsafe extern "C" fn bump_context(ctx: *mut c_void) {
        unsafe { &*(ctx as *const AtomicUsize) }.fetch_add(1, Ordering::SeqCst);
    }

    // Resetting the waker must wait out a hook already running: each context is freed right after its
    // reset, so a late call would be a use-after-free (the memcheck run of these tests reports it).
    #[test]
    fn waker_reset_waits_for_running_hooks_under_concurrent_pushes() {
        let q = Arc::new(CompletionQueue::new());
        let producers: Vec<_> = (0..4)
            .map(|t| {
                let q = Arc::clone(&q);
                std::thread::spawn(move || {
                    for i in 0..2_500u64 {
                        q.push(TbCompletion::ok(t * 10_000 + i, vec![]));
                    }
                })
            })
            .collect();
        let mut popped = 0;
        while popped < 10_000 {
            let ctx = Box::into_raw(Box::new(AtomicUsize::new(0)));
            *q.waker() = Some(Waker { wake: bump_context, ctx: ctx.cast() });
            let before = popped;
            while popped < 10_000 && q.pop().is_some() {
                popped += 1;
            }
            *q.waker() = None;
            drop(unsafe { Box::from_raw(ctx) });
            if popped == before {
                // Let the producers in: under valgrind (one thread at a time) this loop retaking the
                // waker lock could starve them for minutes.
                std::thread::yield_now();
            }
        }
        producers.into_iter().for_each(|p| p.join().unwrap());
        assert!(q.pop().is_none());
    }

    #[test]
    fn wait_returns_when_a_completion_arrives() {
        let q = Arc::new(CompletionQueue::new());
        assert!(!q.wait(Duration::from_millis(10)));
        let pusher = Arc::clone(&q);
        let t = std::thread::spawn(move || pusher.push(TbCompletion::cancelled(7)));
        assert!(q.wait(Duration::from_secs(5)));
        t.join().unwrap();
        assert_eq!(q.pop().map(|c| c.status), Some(TB_STATUS_CANCELLED));
    }
}

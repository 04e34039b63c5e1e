//! Automatic activity heartbeats: a Tokio timer per running activity task that records, every interval,
//! the last heartbeat the activity recorded itself (or the caller's initial one until it records one), so
//! a heartbeat timeout detects a dead process even while PHP code blocks the only thread that could
//! heartbeat. The core throttles what is recorded, as for heartbeats the activity records itself.
//!
//! "Hung" is bounded: a timer stops at its deadline (the activity's start-to-close timeout, as the caller
//! computes it), so an activity that never returns still times out. A timer also stops when its task is
//! completed, when the worker is finalized or freed, and as soon as the worker it records on is gone.
//! A forked child never runs one: the parent's runtime threads do not exist there, and every entry point
//! checks the pid before it touches the registry, whose lock a parent thread may have held at the fork.

use crate::worker::TbWorker;
use crate::{TbBytes, TbError, error::guarded};
use futures_util::FutureExt;
use prost::Message;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use temporalio_common::protos::coresdk::ActivityHeartbeat;
use tokio::runtime::Handle;
use tokio::task::AbortHandle;
use tokio::time::{Instant, MissedTickBehavior};

/// Hands a heartbeat to the core; false once the worker is gone (finalized or freed), which stops the timer.
pub(crate) type Recorder = Arc<dyn Fn(ActivityHeartbeat) -> bool + Send + Sync>;

struct Timer {
    // Tells this timer apart from a later one for the same token, so a finished task forgets only its own.
    id: u64,
    last: ActivityHeartbeat,
    task: AbortHandle,
}

/// The running timers of one worker, by task token.
#[derive(Default)]
pub(crate) struct Timers {
    by_token: Mutex<HashMap<Vec<u8>, Timer>>,
    next_id: AtomicU64,
}

impl Timers {
    fn lock(&self) -> MutexGuard<'_, HashMap<Vec<u8>, Timer>> {
        // A panic while the lock was held left the map whole (every change is one insert or remove).
        self.by_token.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts a timer for `initial`'s task token on `runtime`; its first beat comes one interval from now.
    pub(crate) fn start(
        self: &Arc<Self>,
        runtime: &Handle,
        initial: ActivityHeartbeat,
        interval: Duration,
        stop_after: Duration,
        recorder: Recorder,
    ) -> Result<(), TbError> {
        if initial.task_token.is_empty() {
            return Err(TbError::invalid("the heartbeat has no task token"));
        }
        if interval.is_zero() || stop_after.is_zero() {
            return Err(TbError::invalid("the interval and the stop-after time must be at least 1 ms"));
        }
        let deadline = Instant::now()
            .checked_add(stop_after)
            .ok_or_else(|| TbError::invalid("the stop-after time is too large"))?;
        let mut timers = self.lock();
        if timers.contains_key(&initial.task_token) {
            return Err(TbError::invalid("auto-heartbeat is already running for this activity task"));
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let token = initial.task_token.clone();
        // Spawned under the lock: the entry exists before the task's first beat can look for it.
        let task = runtime.spawn(run(Arc::clone(self), token.clone(), id, interval, deadline, recorder));
        timers.insert(token, Timer { id, last: initial, task: task.abort_handle() });
        Ok(())
    }

    /// Records a heartbeat the activity gave, through `record`, and makes it the one its timer repeats.
    /// Both happen under the lock a beat holds too, so a beat can never record older details after these.
    pub(crate) fn record(&self, heartbeat: ActivityHeartbeat, record: impl FnOnce(ActivityHeartbeat)) {
        let mut timers = self.lock();
        if let Some(timer) = timers.get_mut(&heartbeat.task_token) {
            timer.last = heartbeat.clone();
        }
        record(heartbeat);
    }

    /// Stops the timer of `token`, if any. No beat of it is recorded once this returns.
    pub(crate) fn stop(&self, token: &[u8]) {
        if let Some(timer) = self.lock().remove(token) {
            timer.task.abort();
        }
    }

    pub(crate) fn stop_all(&self) {
        for (_, timer) in self.lock().drain() {
            timer.task.abort();
        }
    }

    /// One beat of timer `id`: false when it was stopped or its worker is gone.
    fn beat(&self, token: &[u8], id: u64, recorder: &Recorder) -> bool {
        let timers = self.lock();
        match timers.get(token) {
            Some(timer) if timer.id == id => recorder(timer.last.clone()),
            _ => false,
        }
    }

    fn forget(&self, token: &[u8], id: u64) {
        let mut timers = self.lock();
        if timers.get(token).is_some_and(|timer| timer.id == id) {
            timers.remove(token);
        }
    }

    #[cfg(test)]
    fn running(&self) -> usize {
        self.lock().len()
    }
}

/// A timer's task: beats until its deadline, its worker is gone, or it is stopped (aborted). A panic ends
/// only this timer.
async fn run(timers: Arc<Timers>, token: Vec<u8>, id: u64, interval: Duration, deadline: Instant, recorder: Recorder) {
    let beats = async {
        let mut ticks = tokio::time::interval_at(Instant::now() + interval, interval);
        // After a stall (a loaded machine), beat once and carry on rather than in a burst.
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if !timers.beat(&token, id, &recorder) {
                return;
            }
        }
    };
    let _ = AssertUnwindSafe(tokio::time::timeout_at(deadline, beats)).catch_unwind().await;
    timers.forget(&token, id);
}

/// Owned by a `TbWorker`: dropping it (`tb_worker_free`) stops every timer of the worker.
pub(crate) struct AutoHeartbeats(Arc<Timers>);

impl AutoHeartbeats {
    pub(crate) fn new() -> Self {
        Self(Arc::default())
    }

    /// A reference for a completion to stop its task's timer with, from a runtime thread.
    pub(crate) fn timers(&self) -> Arc<Timers> {
        Arc::clone(&self.0)
    }
}

impl std::ops::Deref for AutoHeartbeats {
    type Target = Timers;

    fn deref(&self) -> &Timers {
        &self.0
    }
}

impl Drop for AutoHeartbeats {
    fn drop(&mut self) {
        self.0.stop_all();
    }
}

/// Starts automatic heartbeats for one running activity task. `heartbeat` is an encoded
/// `coresdk.ActivityHeartbeat`: the task token and the details to repeat until the activity records a
/// heartbeat through `tb_worker_record_activity_heartbeat` (pass the previous attempt's details, or none).
/// Every `interval_ms` the core then records the last of those for the token. Stops when the task is
/// completed through `tb_worker_complete_activity_task`, after `stop_after_ms` (the activity's
/// start-to-close timeout: an activity still running then is hung and must time out), when the worker is
/// finalized or freed. Both times must be at least 1 ms; at most one timer per task token.
///
/// # Safety
/// `worker` live; `heartbeat` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_start_auto_heartbeat(
    worker: *const TbWorker,
    heartbeat: TbBytes,
    interval_ms: u32,
    stop_after_ms: u64,
) -> *mut TbError {
    guarded(|| {
        let worker = unsafe { &*worker };
        let recorder = worker.heartbeat_recorder()?;
        let initial = ActivityHeartbeat::decode(unsafe { heartbeat.as_slice() })
            .map_err(|e| TbError::invalid(format!("bytes are not a valid ActivityHeartbeat: {e}")))?;
        let interval = Duration::from_millis(interval_ms.into());
        let stop_after = Duration::from_millis(stop_after_ms);
        worker.auto_heartbeats().timers().start(&crate::runtime::handle()?, initial, interval, stop_after, recorder)
    })
}

#[cfg(test)]
#[path = "auto_heartbeat_tests.rs"]
mod tests;

//! Worker: the core worker's polls, completions, heartbeats, eviction and shutdown.
//!
//! State machine: Running → (initiate_shutdown) ShuttingDown → (finalize_shutdown) Finalized. The core's
//! `finalize_shutdown` consumes the worker, so every operation holds an `Arc` clone only while it runs
//! and drops it before its completion is posted; finalize then waits for the last clone to go.

use crate::auto_heartbeat::{AutoHeartbeats, Recorder};
use crate::runtime::{self, spawn_operation};
use crate::signals;
use crate::worker_options::WorkerOptions;
use crate::{TbBytes, TbCompletion, TbConnection, TbError, TbQueue, error::guarded};
use prost::Message;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use temporalio_common::protos::coresdk::{
    ActivityHeartbeat, ActivityTaskCompletion, workflow_completion::WorkflowActivationCompletion,
};
use temporalio_sdk_core::{PollError, Worker, WorkerValidationError};

// A drained worker's operations finish in milliseconds; this only bounds a lang-side bug (a poll
// never re-armed after shutdown) so finalize reports it instead of hanging.
const FINALIZE_WAIT: Duration = Duration::from_secs(60);

pub struct TbWorker {
    pid: u32,
    state: Arc<WorkerState>,
    auto_heartbeats: AutoHeartbeats,
}

struct WorkerState {
    // None once finalize_shutdown has taken the worker.
    worker: Mutex<Option<Arc<Worker>>>,
    workflow_poll: AtomicBool,
    activity_poll: AtomicBool,
}

impl WorkerState {
    fn worker(&self) -> Result<Arc<Worker>, TbError> {
        let slot = self.worker.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        slot.clone().ok_or_else(|| TbError::invalid("the worker is finalized; create a new one"))
    }
}

/// Marks a poll of one kind as outstanding for as long as it lives.
struct PollSlot(Arc<WorkerState>, fn(&WorkerState) -> &AtomicBool);

impl PollSlot {
    fn claim(state: &Arc<WorkerState>, flag: fn(&WorkerState) -> &AtomicBool, kind: &str) -> Result<Self, TbError> {
        if flag(state).swap(true, Ordering::AcqRel) {
            return Err(TbError::invalid(format!("{kind} poll is already outstanding on this worker")));
        }
        Ok(Self(Arc::clone(state), flag))
    }
}

impl Drop for PollSlot {
    fn drop(&mut self) {
        (self.1)(&self.0).store(false, Ordering::Release);
    }
}

unsafe fn live<'a>(worker: *const TbWorker, queue: *const TbQueue) -> Result<(&'a TbWorker, &'a TbQueue), TbError> {
    let (worker, queue) = unsafe { (&*worker, &*queue) };
    if worker.pid != std::process::id() {
        return Err(TbError::forked("worker"));
    }
    if queue.0.is_foreign() {
        return Err(TbError::forked("completion queue"));
    }
    Ok((worker, queue))
}

fn poll_outcome<T: Message>(op_id: u64, result: Result<T, PollError>) -> TbCompletion {
    match result {
        Ok(message) => TbCompletion::ok(op_id, message.encode_to_vec()),
        Err(PollError::ShutDown) => TbCompletion::shutdown(op_id),
        Err(PollError::TonicError(status)) => status_completion(op_id, &status),
    }
}

fn status_completion(op_id: u64, status: &temporalio_client::tonic::Status) -> TbCompletion {
    TbCompletion::grpc_error(op_id, status.code() as i32, status.message().to_owned(), status.details().to_vec())
}

fn done<E: std::fmt::Display>(op_id: u64, result: Result<(), E>) -> TbCompletion {
    result.map_or_else(|e| TbCompletion::error(op_id, e.to_string()), |()| TbCompletion::ok(op_id, Vec::new()))
}

fn decode<T: Message + Default>(what: &str, bytes: TbBytes) -> Result<T, TbError> {
    T::decode(unsafe { bytes.as_slice() }).map_err(|e| TbError::invalid(format!("bytes are not a valid {what}: {e}")))
}

/// Creates a core worker on `connection`. On success `*out` is owned by the caller (`tb_worker_free`).
///
/// # Safety
/// `connection` live; `options_json` readable for the call; `out` writable. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_new(
    connection: *const TbConnection,
    options_json: TbBytes,
    out: *mut *mut TbWorker,
) -> *mut TbError {
    guarded(|| {
        let connection = unsafe { &*connection };
        if connection.pid != std::process::id() {
            return Err(TbError::forked("connection"));
        }
        let config = WorkerOptions::parse(unsafe { options_json.as_slice() })?.into_config()?;
        let core = runtime::runtime()?;
        let _entered = core.tokio_handle().enter();
        // The core starts threads of its own here (workflow processing, system info): they inherit
        // the blocked mask, so process signals stay PHP's (signals.rs).
        let client = connection.inner.clone();
        let worker = signals::blocked_while(|| temporalio_sdk_core::init_worker(core, config, client))
            .map_err(|e| TbError::invalid(format!("cannot create worker: {e:#}")))?;
        unsafe { *out = TbWorker::wrap(worker) };
        Ok(())
    })
}

impl TbWorker {
    /// A C handle on a core worker (also the replayer's).
    pub(crate) fn wrap(worker: Worker) -> *mut TbWorker {
        let state = WorkerState {
            worker: Mutex::new(Some(Arc::new(worker))),
            workflow_poll: AtomicBool::new(false),
            activity_poll: AtomicBool::new(false),
        };
        let auto_heartbeats = AutoHeartbeats::new();
        Box::into_raw(Box::new(TbWorker { pid: std::process::id(), state: Arc::new(state), auto_heartbeats }))
    }

    /// This worker's heartbeat timers, for `tb_worker_start_auto_heartbeat` once `heartbeat_recorder` passed.
    pub(crate) fn auto_heartbeats(&self) -> &AutoHeartbeats {
        &self.auto_heartbeats
    }

    /// What an auto-heartbeat timer records through: it holds the core worker only while it records, so
    /// finalize is never kept waiting. Rejects a worker of another process or a finalized one.
    pub(crate) fn heartbeat_recorder(&self) -> Result<Recorder, TbError> {
        if self.pid != std::process::id() {
            return Err(TbError::forked("worker"));
        }
        self.state.worker()?;
        let state = Arc::downgrade(&self.state);
        Ok(Arc::new(move |heartbeat| match state.upgrade().and_then(|state| state.worker().ok()) {
            Some(core) => {
                core.record_activity_heartbeat(heartbeat);
                true
            }
            None => false,
        }))
    }
}

/// Checks the namespace with the server. Completion: OK, GRPC_ERROR or ERROR.
///
/// # Safety
/// `worker` and `queue` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_validate(worker: *const TbWorker, queue: *const TbQueue, op_id: u64) -> *mut TbError {
    guarded(|| {
        let (worker, queue) = unsafe { live(worker, queue)? };
        let core = worker.state.worker()?;
        spawn_operation(queue.0.clone(), op_id, async move {
            match core.validate().await {
                Ok(_) => TbCompletion::ok(op_id, Vec::new()),
                Err(WorkerValidationError::NamespaceDescribeError { source, .. }) => status_completion(op_id, &source),
            }
        })
    })
}

/// Completion data: an encoded `coresdk.workflow_activation.WorkflowActivation`; SHUTDOWN when drained.
///
/// # Safety
/// `worker` and `queue` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_poll_workflow_activation(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
) -> *mut TbError {
    let poll = |core: Arc<Worker>| async move { core.poll_workflow_activation().await };
    guarded(|| start_poll(worker, queue, op_id, |s| &s.workflow_poll, "a workflow activation", poll))
}

/// Completion data: an encoded `coresdk.activity_task.ActivityTask`; SHUTDOWN when drained.
///
/// # Safety
/// `worker` and `queue` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_poll_activity_task(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
) -> *mut TbError {
    let poll = |core: Arc<Worker>| async move { core.poll_activity_task().await };
    guarded(|| start_poll(worker, queue, op_id, |s| &s.activity_poll, "an activity task", poll))
}

/// One poll of a kind, at most one outstanding: the worker (owned by `poll`'s future) and the kind's slot
/// are released before the completion is posted.
fn start_poll<T, F, Fut>(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
    flag: fn(&WorkerState) -> &AtomicBool,
    kind: &str,
    poll: F,
) -> Result<(), TbError>
where
    T: Message,
    F: FnOnce(Arc<Worker>) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<T, PollError>> + Send + 'static,
{
    let (worker, queue) = unsafe { live(worker, queue)? };
    let core = worker.state.worker()?;
    let slot = PollSlot::claim(&worker.state, flag, kind)?;
    spawn_operation(queue.0.clone(), op_id, async move {
        let result = poll(core).await;
        drop(slot);
        poll_outcome(op_id, result)
    })
}

/// `completion`: an encoded `coresdk.workflow_completion.WorkflowActivationCompletion`.
///
/// # Safety
/// `worker` and `queue` live; `completion` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_complete_workflow_activation(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
    completion: TbBytes,
) -> *mut TbError {
    let complete = |core: Arc<Worker>, completion: WorkflowActivationCompletion| async move {
        core.complete_workflow_activation(completion).await
    };
    guarded(|| start_completion(worker, queue, op_id, completion, "WorkflowActivationCompletion", complete))
}

/// `completion`: an encoded `coresdk.ActivityTaskCompletion`.
///
/// # Safety
/// `worker` and `queue` live; `completion` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_complete_activity_task(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
    completion: TbBytes,
) -> *mut TbError {
    // The task's auto-heartbeat timer stops before the core hears of the completion (no heartbeat after it).
    let timers = unsafe { &*worker }.auto_heartbeats.timers();
    let complete = move |core: Arc<Worker>, completion: ActivityTaskCompletion| async move {
        timers.stop(&completion.task_token);
        core.complete_activity_task(completion).await
    };
    guarded(|| start_completion(worker, queue, op_id, completion, "ActivityTaskCompletion", complete))
}

/// Decodes a completion message and hands it to the core; the worker is released with `complete`'s future.
fn start_completion<C, E, F, Fut>(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
    bytes: TbBytes,
    what: &str,
    complete: F,
) -> Result<(), TbError>
where
    C: Message + Default + Send + 'static,
    E: std::fmt::Display,
    F: FnOnce(Arc<Worker>, C) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(), E>> + Send + 'static,
{
    let (worker, queue) = unsafe { live(worker, queue)? };
    let completion: C = decode(what, bytes)?;
    let core = worker.state.worker()?;
    spawn_operation(queue.0.clone(), op_id, async move { done(op_id, complete(core, completion).await) })
}

/// Initiates shutdown (if not yet), waits for every other operation to let go of the worker, then
/// finalizes it. Accepted once; afterwards every call on this worker is rejected.
///
/// # Safety
/// `worker` and `queue` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_finalize_shutdown(
    worker: *const TbWorker,
    queue: *const TbQueue,
    op_id: u64,
) -> *mut TbError {
    guarded(|| {
        let (worker, queue) = unsafe { live(worker, queue)? };
        worker.auto_heartbeats.stop_all();
        let core = worker.state.worker.lock().unwrap_or_else(|p| p.into_inner()).take();
        let core = core.ok_or_else(|| TbError::invalid("the worker is finalized; create a new one"))?;
        {
            let _entered = runtime::handle()?.enter();
            core.initiate_shutdown();
        }
        spawn_operation(queue.0.clone(), op_id, finalize(core, op_id))
    })
}

async fn finalize(core: Arc<Worker>, op_id: u64) -> TbCompletion {
    let deadline = tokio::time::Instant::now() + FINALIZE_WAIT;
    while Arc::strong_count(&core) > 1 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    match Arc::try_unwrap(core) {
        // The core's finalize also waits for lang to have seen SHUTDOWN on both polls.
        Ok(worker) => match tokio::time::timeout(FINALIZE_WAIT, worker.finalize_shutdown()).await {
            Ok(()) => TbCompletion::ok(op_id, Vec::new()),
            Err(_) => TbCompletion::error(op_id, format!(
                "cannot finalize: the core did not finish shutting down within {}s; keep both polls running \
                 until they report shutdown before finalizing",
                FINALIZE_WAIT.as_secs()
            )),
        },
        Err(core) => TbCompletion::error(
            op_id,
            format!(
                "cannot finalize: {} operations still hold the worker after {}s; complete every task and \
                 keep polling until both polls report shutdown",
                Arc::strong_count(&core) - 1,
                FINALIZE_WAIT.as_secs()
            ),
        ),
    }
}

/// Records an activity heartbeat (`coresdk.ActivityHeartbeat` bytes); the core throttles and sends it.
/// It becomes what the task's auto-heartbeat timer (if any) repeats.
///
/// # Safety
/// `worker` live; `heartbeat` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_record_activity_heartbeat(worker: *const TbWorker, heartbeat: TbBytes) -> *mut TbError {
    guarded(|| {
        let heartbeat: ActivityHeartbeat = decode("ActivityHeartbeat", heartbeat)?;
        let timers = unsafe { &*worker }.auto_heartbeats.timers();
        with_worker(worker, |core| timers.record(heartbeat, |heartbeat| core.record_activity_heartbeat(heartbeat)))
    })
}

/// Asks the core to evict a run from its cache; an eviction activation follows.
///
/// # Safety
/// `worker` live; `run_id` readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_request_workflow_eviction(worker: *const TbWorker, run_id: TbBytes) -> *mut TbError {
    guarded(|| {
        let run_id = unsafe { run_id.as_str("run id")? }.to_owned();
        with_worker(worker, |core| core.request_workflow_eviction(&run_id))
    })
}

/// Starts shutdown: polls drain and then complete with SHUTDOWN. Idempotent.
///
/// # Safety
/// `worker` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_initiate_shutdown(worker: *const TbWorker) -> *mut TbError {
    guarded(|| with_worker(worker, |core| core.initiate_shutdown()))
}

fn with_worker(worker: *const TbWorker, call: impl FnOnce(&Worker)) -> Result<(), TbError> {
    let worker = unsafe { &*worker };
    if worker.pid != std::process::id() {
        return Err(TbError::forked("worker"));
    }
    let core = worker.state.worker()?;
    let _entered = runtime::handle()?.enter();
    call(&core);
    Ok(())
}

/// Drops the caller's handle. A worker that was never finalized is shut down by the core in the
/// background when its last in-flight operation lets go. Leaked in a process forked after it was made.
///
/// # Safety
/// `worker` from `tb_worker_new`, not freed before. PHP thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_worker_free(worker: *mut TbWorker) {
    if worker.is_null() {
        return;
    }
    let worker = unsafe { Box::from_raw(worker) };
    if worker.pid != std::process::id() {
        std::mem::forget(worker);
        return;
    }
    let Ok(handle) = runtime::handle() else { return };
    // Dropping a core worker spawns and awaits tasks: do it inside the runtime.
    let _entered = handle.enter();
    drop(worker);
}

//! Replayer: a core worker fed recorded histories instead of polling a server. PHP drives it like any
//! worker (poll activations, complete them); the core compares the commands with the history and reports
//! non-determinism as an eviction. PHP interprets no history itself.

use crate::runtime::{self, spawn_operation};
use crate::worker_options::WorkerOptions;
use crate::{TbBytes, TbCompletion, TbError, TbQueue, TbWorker, error::guarded};
use prost::Message;
use std::sync::Mutex;
use temporalio_common::protos::temporal::api::history::v1::History;
use temporalio_sdk_core::replay::{HistoryForReplay, ReplayWorkerInput};
use tokio::sync::mpsc;

/// Feeds histories to a replayer; closing it (or freeing it) lets the replayer shut down after the last.
pub struct TbHistoryPusher {
    pid: u32,
    // A clone is taken per push, so no lock is held while a push waits for room.
    sender: Mutex<Option<mpsc::Sender<HistoryForReplay>>>,
}

/// Creates a replayer from worker options (workflows only). On success the caller owns `*worker`
/// (`tb_worker_free`) and `*pusher` (`tb_history_pusher_free`).
///
/// # Safety
/// `options_json` readable for the call; `worker` and `pusher` writable. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_replayer_new(
    options_json: TbBytes,
    worker: *mut *mut TbWorker,
    pusher: *mut *mut TbHistoryPusher,
) -> *mut TbError {
    guarded(|| {
        let config = WorkerOptions::parse(unsafe { options_json.as_slice() })?.for_replay().into_config()?;
        let _entered = runtime::handle()?.enter();
        // One history at a time: a push completes when the replayer has taken the previous one.
        let (sender, receiver) = mpsc::channel(1);
        let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
            receiver.recv().await.map(|history| (history, receiver))
        });
        // Its workflow-processing thread inherits the blocked mask, as a worker's does (signals.rs).
        let input = ReplayWorkerInput::new(config, Box::pin(stream));
        let core = crate::signals::blocked_while(|| temporalio_sdk_core::init_replay_worker(input))
            .map_err(|e| TbError::invalid(format!("cannot create replayer: {e:#}")))?;
        let sender = Mutex::new(Some(sender));
        unsafe {
            *worker = TbWorker::wrap(core);
            *pusher = Box::into_raw(Box::new(TbHistoryPusher { pid: std::process::id(), sender }));
        }
        Ok(())
    })
}

/// Queues an encoded `temporal.api.history.v1.History` for replay as `workflow_id`. Completion: OK once
/// the replayer took it (rejected at once if the bytes are not a History or the pusher is closed).
///
/// # Safety
/// `pusher` and `queue` live; byte inputs readable for the call. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_history_push(
    pusher: *const TbHistoryPusher,
    queue: *const TbQueue,
    op_id: u64,
    workflow_id: TbBytes,
    history: TbBytes,
) -> *mut TbError {
    guarded(|| {
        let (pusher, queue) = unsafe { (&*pusher, &*queue) };
        if pusher.pid != std::process::id() || queue.0.is_foreign() {
            return Err(TbError::forked("replayer"));
        }
        let workflow_id = unsafe { workflow_id.as_str("workflow id")? }.to_owned();
        let history = History::decode(unsafe { history.as_slice() })
            .map_err(|e| TbError::invalid(format!("bytes are not a valid History: {e}")))?;
        let sender = pusher.sender.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let sender = sender.ok_or_else(|| TbError::invalid("the replayer's history pusher is closed"))?;
        spawn_operation(queue.0.clone(), op_id, async move {
            match sender.send(HistoryForReplay::new(history, workflow_id)).await {
                Ok(()) => TbCompletion::ok(op_id, Vec::new()),
                Err(_) => TbCompletion::error(op_id, "the replayer stopped taking histories".to_owned()),
            }
        })
    })
}

/// No more histories: the replayer shuts down after the last one (its polls then report SHUTDOWN).
///
/// # Safety
/// `pusher` live. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_history_pusher_close(pusher: *const TbHistoryPusher) {
    let pusher = unsafe { &*pusher };
    crate::guard(|_| (), || drop(pusher.sender.lock().unwrap_or_else(|p| p.into_inner()).take()));
}

/// Closes (if open) and frees the pusher.
///
/// # Safety
/// `pusher` from `tb_replayer_new`, not freed before. PHP thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_history_pusher_free(pusher: *mut TbHistoryPusher) {
    if pusher.is_null() {
        return;
    }
    let pusher = unsafe { Box::from_raw(pusher) };
    if pusher.pid != std::process::id() {
        std::mem::forget(pusher);
    }
}

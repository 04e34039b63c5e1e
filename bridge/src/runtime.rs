//! The core runtime: one per process, created lazily on first use.
//!
//! After `fork()` the child inherits the parent's runtime as dead memory (its threads did not survive
//! the fork), so the child's first use builds its own and the parent's copy is leaked on purpose:
//! dropping it would join threads that do not exist.

use crate::TbError;
use std::sync::Mutex;
use temporalio_sdk_core::{CoreRuntime, RuntimeOptions, TokioRuntimeBuilder};
use tokio::runtime::Handle;

struct ProcessRuntime {
    pid: u32,
    runtime: &'static CoreRuntime,
}

static RUNTIME: Mutex<Option<ProcessRuntime>> = Mutex::new(None);

/// The Tokio handle of this process's core runtime, creating the runtime on first use.
pub(crate) fn handle() -> Result<Handle, TbError> {
    // Poisoning only records that a panic happened while the lock was held; the slot is still
    // either empty or a complete runtime, so it is safe to keep using.
    let mut slot = RUNTIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    if let Some(current) = slot.as_ref().filter(|r| r.pid == pid) {
        return Ok(current.runtime.tokio_handle());
    }
    let runtime: &'static CoreRuntime = Box::leak(Box::new(build()?));
    *slot = Some(ProcessRuntime { pid, runtime });
    Ok(runtime.tokio_handle())
}

fn build() -> Result<CoreRuntime, TbError> {
    let options = RuntimeOptions::builder()
        .build()
        .map_err(|e| TbError::internal(format!("invalid core runtime options: {e}")))?;
    CoreRuntime::new(options, TokioRuntimeBuilder::default())
        .map_err(|e| TbError::internal(format!("cannot start the Temporal core runtime: {e}")))
}

/// Spawns an accepted operation: its future's outcome, or a panic turned into an error, becomes the
/// operation's single completion. The future (and every handle it captured) is dropped before the
/// completion is posted, so the PHP side never sees a completion while the bridge still holds a
/// reference the completion's consumer may need to be unique.
pub(crate) fn spawn_operation<F>(
    queue: std::sync::Arc<crate::queue::CompletionQueue>,
    op_id: u64,
    operation: F,
) -> Result<(), TbError>
where
    F: std::future::Future<Output = crate::TbCompletion> + Send + 'static,
{
    use futures_util::FutureExt;
    let handle = handle()?;
    handle.spawn(async move {
        let outcome = std::panic::AssertUnwindSafe(operation).catch_unwind().await;
        let completion = outcome
            .unwrap_or_else(|payload| crate::TbCompletion::error(op_id, crate::panic_message(&*payload)));
        queue.push(completion);
    });
    Ok(())
}

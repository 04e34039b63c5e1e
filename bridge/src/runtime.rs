//! The core runtime: one per process, created lazily on first use, or when PHP configures it
//! (runtime_options.rs).
//!
//! After `fork()` the child inherits the parent's runtime as dead memory (its threads did not survive
//! the fork), so the child's first use builds its own and the parent's copy is leaked on purpose:
//! dropping it would join threads that do not exist. Leaked runtimes stay listed (reachable), so leak
//! checkers see them as what they are.

use crate::TbError;
use crate::runtime_options::{RuntimeConfig, Started};
use std::sync::Mutex;
use temporalio_sdk_core::{CoreRuntime, TokioRuntimeBuilder};
use tokio::runtime::Handle;

struct ProcessRuntime {
    pid: u32,
    runtime: &'static CoreRuntime,
}

// One entry per process this memory has lived in; only the last can be the current one.
static RUNTIMES: Mutex<Vec<ProcessRuntime>> = Mutex::new(Vec::new());

/// The Tokio handle of this process's core runtime, creating the runtime on first use.
pub(crate) fn handle() -> Result<Handle, TbError> {
    Ok(runtime()?.tokio_handle())
}

/// This process's core runtime, created on first use.
pub(crate) fn runtime() -> Result<&'static CoreRuntime, TbError> {
    Ok(current_or_new()?.0)
}

/// Builds this process's runtime now (runtime_options.rs stored its options just before).
pub(crate) fn start() -> Result<Started, TbError> {
    match current_or_new()? {
        (_, Some(started)) => Ok(started),
        (_, None) => Err(TbError::already_started()),
    }
}

/// The current runtime, and what building it started when this call built it.
fn current_or_new() -> Result<(&'static CoreRuntime, Option<Started>), TbError> {
    // Poisoning only records that a panic happened while the lock was held; the slot is still
    // either empty or a complete runtime, so it is safe to keep using.
    let mut runtimes = RUNTIMES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    if let Some(current) = runtimes.last().filter(|r| r.pid == pid) {
        return Ok((current.runtime, None));
    }
    let (runtime, started) = build()?;
    let runtime: &'static CoreRuntime = Box::leak(Box::new(runtime));
    runtimes.push(ProcessRuntime { pid, runtime });
    crate::fork::install();
    Ok((runtime, Some(started)))
}

/// The handle of this process's runtime if it has one; never creates it.
pub(crate) fn current_handle() -> Option<Handle> {
    let runtimes = RUNTIMES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    runtimes.last().filter(|r| r.pid == pid).map(|r| r.runtime.tokio_handle())
}

fn build() -> Result<(CoreRuntime, Started), TbError> {
    let config = RuntimeConfig::for_this_process();
    let options = config.core_options(config.logger()?)?;
    let mut tokio = TokioRuntimeBuilder::default();
    // Idle blocking-pool threads park in parking_lot, which fork() must not see (fork.rs).
    tokio.inner.thread_keep_alive(std::time::Duration::from_millis(50));
    // Signals sent to the process are PHP's (signals.rs): each runtime thread blocks them as it starts,
    // and blocking them while the runtime is built also covers the moment before that hook runs.
    tokio.lang_on_thread_start = Some(Box::new(crate::signals::block_on_this_thread));
    let mut runtime = crate::signals::blocked_while(|| CoreRuntime::new(options, tokio))
        .map_err(|e| TbError::internal(format!("cannot start the Temporal core runtime: {e}")))?;
    // The exporters need a Tokio context; the core takes a meter attached after it started.
    let (meter, started) = {
        let _context = runtime.tokio_handle().enter();
        config.start_meter()?
    };
    if let Some(meter) = meter {
        runtime.telemetry_mut().attach_late_init_metrics(meter);
    }
    Ok((runtime, started))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::{CompletionQueue, TB_STATUS_ERROR};
    use std::time::Duration;

    #[test]
    fn a_panicking_operation_still_completes_once_as_an_error() {
        let queue = std::sync::Arc::new(CompletionQueue::new());
        spawn_operation(queue.clone(), 42, async { panic!("boom in a spawned future") }).unwrap();
        assert!(queue.wait(Duration::from_secs(10)));
        let completion = queue.pop().expect("one completion");
        assert_eq!((completion.op_id, completion.status), (42, TB_STATUS_ERROR));
        assert_eq!(completion.message, "panic in the Temporal bridge: boom in a spawned future");
        assert!(!queue.wait(Duration::from_millis(200)), "exactly one completion");
    }

    #[test]
    fn an_export_that_panics_returns_an_internal_error_instead_of_unwinding_into_c() {
        let error = crate::error::guarded(|| panic!("boom in an export"));
        assert!(!error.is_null());
        let message = unsafe { crate::tb_error_message(error).as_slice() }.to_vec();
        assert_eq!(unsafe { crate::tb_error_kind(error) }, crate::TB_ERROR_INTERNAL);
        assert_eq!(String::from_utf8(message).unwrap(), "panic in the Temporal bridge: boom in an export");
        unsafe { crate::tb_error_free(error) };
    }
}

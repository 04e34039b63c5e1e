//! The core's logs, for a PSR-3 logger on the PHP side. The core pushes each record from whatever thread logs
//! it (Tokio's included) into a bounded buffer here; the PHP thread takes them at its scheduler's wake-ups
//! (`tb_runtime_take_logs`). Nothing here calls PHP. When PHP falls behind, the oldest records go and are
//! counted, so PHP can say how many it lost.

use crate::{TbBuffer, TbError};
use serde::Serialize;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;
use temporalio_common::telemetry::{CoreLog, CoreLogConsumer, Logger};

const CAPACITY: usize = 2048;

#[derive(Debug, Default)]
struct Buffered {
    records: VecDeque<CoreLog>,
    dropped: u64,
}

#[derive(Debug, Default)]
pub(crate) struct CoreLogBuffer(Mutex<Buffered>);

impl CoreLogConsumer for CoreLogBuffer {
    fn on_log(&self, log: CoreLog) {
        let mut buffered = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buffered.records.len() == CAPACITY {
            buffered.records.pop_front();
            buffered.dropped += 1;
        }
        buffered.records.push_back(log);
    }
}

// The buffer of this process's runtime; a forked child's runtime installs its own.
static CURRENT: Mutex<Option<Arc<CoreLogBuffer>>> = Mutex::new(None);

/// The core's Logger for a runtime whose logs PHP forwards at `level` ("ERROR", "WARN", "INFO", "DEBUG",
/// "TRACE") and above, and installs its buffer as this process's.
pub(crate) fn push_logger(level: &str) -> Result<Logger, TbError> {
    let level = self::level(level)?;
    let buffer = Arc::new(CoreLogBuffer::default());
    *CURRENT.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(buffer.clone());
    // The core's crates at the level asked; everything else (hyper, tonic, …) at warnings only.
    let filter = temporalio_common::telemetry::construct_filter_string(level, tracing::Level::WARN);
    Ok(Logger::Push { filter, consumer: buffer })
}

pub(crate) fn level(name: &str) -> Result<tracing::Level, TbError> {
    name.parse().map_err(|_| TbError::invalid(format!("invalid runtime options: unknown log level \"{name}\"")))
}

#[derive(Serialize)]
struct Record {
    level: String,
    target: String,
    message: String,
    timestamp_ms: u128,
    fields: std::collections::HashMap<String, serde_json::Value>,
    spans: Vec<String>,
}

/// Takes the buffered records: `*logs_json` is `{"dropped": n, "records": [...]}` (n counts what was lost since
/// the last take), or NULL when there is nothing to say. The caller frees a buffer with `tb_buffer_free`.
///
/// # Safety
/// `logs_json` writable. PHP thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_runtime_take_logs(logs_json: *mut *mut TbBuffer) -> *mut TbError {
    crate::error::guarded(|| {
        unsafe { *logs_json = std::ptr::null_mut() };
        let Some(buffer) = CURRENT.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone() else {
            return Ok(());
        };
        let taken = std::mem::take(&mut *buffer.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
        if taken.records.is_empty() && taken.dropped == 0 {
            return Ok(());
        }
        let records: Vec<Record> = taken.records.into_iter().map(Record::from).collect();
        let json = serde_json::json!({ "dropped": taken.dropped, "records": records });
        unsafe { *logs_json = TbBuffer::into_raw(json.to_string().into_bytes()) };
        Ok(())
    })
}

impl From<CoreLog> for Record {
    fn from(log: CoreLog) -> Self {
        Self {
            level: log.level.to_string(),
            target: log.target,
            message: log.message,
            timestamp_ms: log.timestamp.duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0),
            fields: log.fields,
            spans: log.span_contexts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn log(message: &str) -> CoreLog {
        CoreLog {
            target: "temporalio_sdk_core::test".into(),
            message: message.into(),
            timestamp: SystemTime::now(),
            level: tracing::Level::WARN,
            fields: Default::default(),
            span_contexts: vec![],
        }
    }

    #[test]
    fn a_full_buffer_drops_the_oldest_and_counts_them() {
        let buffer = CoreLogBuffer::default();
        for i in 0..CAPACITY + 3 {
            buffer.on_log(log(&format!("record {i}")));
        }
        let buffered = buffer.0.lock().unwrap();
        assert_eq!(buffered.dropped, 3);
        assert_eq!(buffered.records.front().unwrap().message, "record 3");
        assert_eq!(buffered.records.len(), CAPACITY);
    }

    #[test]
    fn an_unknown_level_is_refused() {
        assert!(level("LOUD").is_err());
        assert_eq!(level("WARN").unwrap(), tracing::Level::WARN);
    }
}

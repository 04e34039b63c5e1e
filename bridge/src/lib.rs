//! php-temporal bridge: the smallest `extern "C"` surface over Temporal's Rust core.
//!
//! Wiring only: the FFI byte type, the panic guard and the module list. The contract every export
//! follows (ownership, threads, one completion per accepted operation) is in docs/DESIGN.md.

mod auto_heartbeat;
mod cancel;
mod connection;
mod core_logs;
mod envconfig;
mod error;
mod fork;
mod http_connect_proxy;
mod metric;
mod queue;
mod readiness;
mod replay;
mod retry_options;
mod rpc;
mod rpc_generated;
mod runtime;
mod runtime_options;
mod signals;
mod transport_error;
mod worker;
mod worker_deployment;
mod worker_options;
mod worker_tuning;

use std::panic::{AssertUnwindSafe, catch_unwind};

pub use auto_heartbeat::*;
pub use cancel::*;
pub use connection::*;
pub use core_logs::*;
pub use envconfig::*;
pub use error::*;
pub use metric::*;
pub use queue::*;
pub use readiness::*;
pub use replay::*;
pub use runtime_options::*;
pub use worker::*;

/// A borrowed byte range. As an input it is read only during the call; as an output it points into
/// memory owned by the object it came from and stays valid until that object is freed.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct TbBytes {
    pub data: *const u8,
    pub len: usize,
}

impl TbBytes {
    pub(crate) fn borrow(bytes: &[u8]) -> Self {
        Self { data: bytes.as_ptr(), len: bytes.len() }
    }

    /// # Safety
    /// `data` must point to `len` readable bytes for the duration of the call (or be null with len 0).
    pub(crate) unsafe fn as_slice<'a>(self) -> &'a [u8] {
        if self.data.is_null() || self.len == 0 {
            return &[];
        }
        unsafe { std::slice::from_raw_parts(self.data, self.len) }
    }

    pub(crate) unsafe fn as_str<'a>(self, what: &str) -> Result<&'a str, TbError> {
        std::str::from_utf8(unsafe { self.as_slice() })
            .map_err(|_| TbError::invalid(format!("{what} is not valid UTF-8")))
    }
}

/// Bytes the bridge made for the caller, who owns them and frees them with `tb_buffer_free`.
pub struct TbBuffer(Vec<u8>);

impl TbBuffer {
    pub(crate) fn into_raw(bytes: Vec<u8>) -> *mut Self {
        Box::into_raw(Box::new(Self(bytes)))
    }
}

/// The buffer's bytes, valid until `tb_buffer_free`.
///
/// # Safety
/// `buffer` must be a live buffer returned by this library. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_buffer_data(buffer: *const TbBuffer) -> TbBytes {
    TbBytes::borrow(&unsafe { &*buffer }.0)
}

/// # Safety
/// `buffer` must have been returned by this library and not freed before. Any thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_buffer_free(buffer: *mut TbBuffer) {
    if !buffer.is_null() {
        drop(unsafe { Box::from_raw(buffer) });
    }
}

/// The bridge's version, for diagnostics. Static memory; never freed.
#[unsafe(no_mangle)]
pub extern "C" fn tb_version() -> TbBytes {
    TbBytes::borrow(concat!(env!("CARGO_PKG_VERSION"), " (temporalio-sdk-core 0.8.0)").as_bytes())
}

/// Runs an export body; a panic becomes `on_panic(message)` instead of unwinding into C.
pub(crate) fn guard<T>(on_panic: impl FnOnce(String) -> T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| on_panic(panic_message(&*payload)))
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_owned());
    format!("panic in the Temporal bridge: {detail}")
}

//! The bridge's one error type: an operation rejected before it started.

use crate::{TbBytes, guard};

pub const TB_ERROR_INVALID_ARGUMENT: u32 = 1;
pub const TB_ERROR_FORKED: u32 = 2;
pub const TB_ERROR_INTERNAL: u32 = 3;
pub const TB_ERROR_ALREADY_STARTED: u32 = 4;

/// Returned (boxed) by an async export that rejected its arguments; no completion follows.
/// The caller owns it and frees it with `tb_error_free`.
#[derive(Debug)]
pub struct TbError {
    kind: u32,
    message: String,
}

impl TbError {
    #[cfg(test)]
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self { kind: TB_ERROR_INVALID_ARGUMENT, message: message.into() }
    }

    pub(crate) fn forked(what: &str) -> Self {
        Self {
            kind: TB_ERROR_FORKED,
            message: format!("this {what} was created before fork(); create a new one in this process"),
        }
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self { kind: TB_ERROR_INTERNAL, message: message.into() }
    }

    pub(crate) fn already_started() -> Self {
        Self {
            kind: TB_ERROR_ALREADY_STARTED,
            message: "the Temporal core runtime of this process is already running: configure it once, before any \
                      client, worker or replayer is created"
                .into(),
        }
    }

}

/// Turns an export body's result into the C return convention: NULL = accepted.
pub(crate) fn into_raw(result: Result<(), TbError>) -> *mut TbError {
    match result {
        Ok(()) => std::ptr::null_mut(),
        Err(error) => Box::into_raw(Box::new(error)),
    }
}

/// Runs an async export's body under the panic guard, returning NULL or an owned error.
pub(crate) fn guarded(body: impl FnOnce() -> Result<(), TbError>) -> *mut TbError {
    guard(|message| into_raw(Err(TbError::internal(message))), || into_raw(body()))
}

/// # Safety
/// `error` must be a live error returned by this library. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_error_kind(error: *const TbError) -> u32 {
    unsafe { &*error }.kind
}

/// Bytes owned by the error, valid until `tb_error_free`.
///
/// # Safety
/// `error` must be a live error returned by this library. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_error_message(error: *const TbError) -> TbBytes {
    TbBytes::borrow(unsafe { &*error }.message.as_bytes())
}

/// # Safety
/// `error` must have been returned by this library and not freed before. Any thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_error_free(error: *mut TbError) {
    if !error.is_null() {
        drop(unsafe { Box::from_raw(error) });
    }
}

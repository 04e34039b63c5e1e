//! CancelToken: lets the PHP side cancel an in-flight operation from any thread. The operation
//! still completes exactly once, as `TB_STATUS_CANCELLED`.

use crate::guard;
use tokio_util::sync::CancellationToken;

pub struct TbCancel(pub(crate) CancellationToken);

/// A new token. The caller owns it and frees it with `tb_cancel_free`. Any thread.
#[unsafe(no_mangle)]
pub extern "C" fn tb_cancel_new() -> *mut TbCancel {
    Box::into_raw(Box::new(TbCancel(CancellationToken::new())))
}

/// Cancels every operation started with this token, now or later.
///
/// # Safety
/// `cancel` must be live. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_cancel_cancel(cancel: *const TbCancel) {
    let token = &unsafe { &*cancel }.0;
    guard(|_| (), || token.cancel())
}

/// # Safety
/// `cancel` must be live. Any thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_cancel_is_cancelled(cancel: *const TbCancel) -> bool {
    unsafe { &*cancel }.0.is_cancelled()
}

/// Drops the caller's reference; operations started with it keep their own clone.
///
/// # Safety
/// `cancel` must come from `tb_cancel_new` and not be freed before. Any thread. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tb_cancel_free(cancel: *mut TbCancel) {
    if !cancel.is_null() {
        drop(unsafe { Box::from_raw(cancel) });
    }
}

/// The token to select on, or one that never fires.
pub(crate) unsafe fn token_of(cancel: *const TbCancel) -> CancellationToken {
    if cancel.is_null() { CancellationToken::new() } else { unsafe { &*cancel }.0.clone() }
}

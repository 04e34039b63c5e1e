// TrueAsync\Temporal\Core\CancellationToken: wraps a TbCancel.
#ifndef TEMPORAL_CANCELLATION_TOKEN_H
#define TEMPORAL_CANCELLATION_TOKEN_H

#include "php.h"

#include "temporal_bridge.h"

namespace temporal {

extern zend_class_entry* cancellationTokenCe;

void registerCancellationToken();

// The token's handle, or null for a null object (no cancellation). Borrowed for one bridge call.
const TbCancel* cancelHandleOf(zend_object* token);

}  // namespace temporal

#endif

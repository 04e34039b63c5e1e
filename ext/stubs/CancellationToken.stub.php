<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * Cancels the operations it was passed to. Cancelling is final; an operation that is already done is unaffected.
 *
 * @strict-properties
 * @not-serializable
 */
final class CancellationToken
{
    /** Cancels every operation holding this token; each one completes with CancelledException. */
    public function cancel(): void {}

    public function isCancelled(): bool {}
}

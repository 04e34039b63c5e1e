<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;

/**
 * Thrown inside an activity, at its next heartbeat, when the activity should stop: the workflow cancelled it,
 * it timed out, the server no longer knows it, it was paused or reset, or the worker is shutting down.
 * Let it propagate (after cleanup): the worker then reports the activity cancelled.
 */
final class ActivityCanceledException extends TemporalException
{
    private function __construct(private readonly ActivityCancelReason $reason)
    {
        parent::__construct('activity cancelled: ' . strtolower(str_replace('_', ' ', $reason->name)));
    }

    public static function because(ActivityCancelReason $reason): self
    {
        return new self($reason);
    }

    public function getReason(): ActivityCancelReason
    {
        return $this->reason;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

/** The status of a workflow execution (temporal.api.enums.v1.WorkflowExecutionStatus). */
enum WorkflowExecutionStatus: int
{
    case Unspecified = 0;
    case Running = 1;
    case Completed = 2;
    case Failed = 3;
    case Canceled = 4;
    case Terminated = 5;
    case ContinuedAsNew = 6;
    case TimedOut = 7;
    case Paused = 8;

    /** A status this SDK version does not know yet reads as Unspecified. */
    public static function fromProto(int $status): self
    {
        return self::tryFrom($status) ?? self::Unspecified;
    }

    /** Whether the run has closed: it will not run any more workflow code. */
    public function isClosed(): bool
    {
        return !\in_array($this, [self::Unspecified, self::Running, self::Paused], true);
    }
}

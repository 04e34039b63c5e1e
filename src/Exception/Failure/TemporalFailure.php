<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

use TrueAsync\Temporal\Core\TemporalException;

/**
 * A failure as Temporal records it (temporal.api.failure.v1.Failure): its message, the stack trace of the
 * SDK that raised it, and its cause as getPrevious(). The subclass says which kind of failure it is.
 */
abstract class TemporalFailure extends TemporalException
{
    protected function __construct(
        string $message,
        ?\Throwable $previous,
        private string $originalStackTrace,
    ) {
        parent::__construct($message, 0, $previous);
    }

    /** The stack trace recorded by the SDK that raised the failure (any language); '' when none. */
    public function getOriginalStackTrace(): string
    {
        return $this->originalStackTrace;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception\Failure;

/** Why the server stopped retrying an activity or child workflow (temporal.api.enums.v1.RetryState). */
enum RetryState: int
{
    case Unspecified = 0;
    case InProgress = 1;
    case NonRetryableFailure = 2;
    case Timeout = 3;
    case MaximumAttemptsReached = 4;
    case RetryPolicyNotSet = 5;
    case InternalServerError = 6;
    case CancelRequested = 7;

    public static function fromProto(int $state): self
    {
        return self::tryFrom($state) ?? self::Unspecified;
    }
}

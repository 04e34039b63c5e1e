<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/** The server rejected a request as invalid (gRPC INVALID_ARGUMENT); the message says what was wrong. */
final class InvalidArgumentException extends ServiceException
{
    public static function rejected(Core\ServiceException $status): self
    {
        return new self($status->getMessage(), $status);
    }
}

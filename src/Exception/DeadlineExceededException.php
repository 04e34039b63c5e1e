<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/**
 * The call did not finish within its timeout (gRPC DEADLINE_EXCEEDED), on the client or the server side.
 * The operation may still have taken effect.
 */
final class DeadlineExceededException extends ServiceException
{
    public static function fromStatus(Core\ServiceException $status): self
    {
        return new self($status->getMessage(), $status);
    }
}

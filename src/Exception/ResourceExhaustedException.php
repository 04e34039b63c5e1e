<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/**
 * The server refused the call for lack of capacity or because a limit was hit (gRPC RESOURCE_EXHAUSTED):
 * a rate limit, a namespace's concurrent-execution limit, a message too large. Retrying later may help.
 */
final class ResourceExhaustedException extends ServiceException
{
    public static function fromStatus(Core\ServiceException $status): self
    {
        return new self($status->getMessage(), $status);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;

/**
 * The caller may not do this (gRPC PERMISSION_DENIED): a namespace or API key without the right, or an
 * authorizer that refused the call.
 */
final class PermissionDeniedException extends ServiceException
{
    public static function fromStatus(Core\ServiceException $status): self
    {
        return new self($status->getMessage(), $status);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Internal\Seconds;

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

    /**
     * @internal the call ran past the RPC timeout it carried (withRpcTimeout())
     * @param string $call "Service.Method"
     */
    public static function afterRpcTimeout(string $call, float $timeoutSeconds, Core\ServiceException $status): self
    {
        $message = sprintf('%s did not complete within its RPC timeout of %s (%s)', $call,
            Seconds::format($timeoutSeconds), $status->getMessage());
        return new self($message, $status);
    }
}

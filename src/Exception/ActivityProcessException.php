<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;

/**
 * A process pool's activity process could not start: its bootstrap failed, returned no setup closure, or the
 * process exited before it was ready. WorkerFactory::run() throws it after the worker shut down.
 */
final class ActivityProcessException extends TemporalException
{
}

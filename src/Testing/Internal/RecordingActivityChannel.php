<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\ActivityHeartbeat;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Worker\Internal\ActivityChannel;

/**
 * The channel of an activity that ActivityEnvironment runs: no worker and no core behind it. A heartbeat's
 * details are decoded (as the server would store them) and handed to the environment, which may cancel the
 * attempt or raise the shutdown notice right then, as a worker's poll loop may while the activity yields.
 * No time passes: a wait for the shutdown notice with a timeout ends at once.
 *
 * @internal
 */
final class RecordingActivityChannel implements ActivityChannel
{
    /** @param \Closure(list<mixed>): void $onHeartbeat gets each heartbeat's details, decoded */
    public function __construct(private readonly DataConverter $converter, private readonly \Closure $onHeartbeat)
    {
    }

    public function send(ActivityHeartbeat $heartbeat): void
    {
        $details = new Payloads(['payloads' => iterator_to_array($heartbeat->getDetails(), false)]);
        ($this->onHeartbeat)($this->converter->fromPayloads($details));
    }

    /** @throws \LogicException a wait without a timeout that nothing could end */
    public function awaitWorkerShutdown(ActivityContext $context, float $seconds): void
    {
        if ($context->isWorkerShuttingDown() || $context->isCancelRequested() || is_finite($seconds)) {
            return;
        }
        throw new \LogicException('Activity::awaitWorkerShutdown() without a timeout would wait forever in '
            . 'ActivityEnvironment: call shutdownWorker() or cancel() before run(), or from a heartbeat listener');
    }
}

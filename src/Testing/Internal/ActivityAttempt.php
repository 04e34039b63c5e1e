<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\ActivityOutboundInterceptor;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use TrueAsync\Temporal\Worker\Internal\ActivityChannel;
use TrueAsync\Temporal\Worker\Internal\ActivityDefinition;

/**
 * One attempt of an activity run by ActivityEnvironment, the way FiberActivityRunner and ActivityInvocation
 * run one in a worker: its arguments and its result go through the data converter, and it runs in a Fiber
 * bound to its ActivityContext, so Activity:: calls find it. No interceptors run.
 *
 * @internal
 */
final class ActivityAttempt
{
    public readonly ActivityContext $context;

    /** @param list<mixed> $heartbeatDetails recorded by the last heartbeat of a previous attempt */
    public function __construct(
        ActivityInfo $info,
        array $heartbeatDetails,
        ActivityChannel $channel,
        private readonly DataConverter $converter,
    ) {
        $details = $heartbeatDetails === [] ? null : $converter->toPayloads($heartbeatDetails, 'heartbeat detail');
        $outbound = Pipeline::of([], ActivityOutboundInterceptor::class);
        $this->context = new ActivityContext($info, $details, $channel, $converter, $outbound);
    }

    /**
     * Runs $activity to its end and returns its result as the caller would decode it (as $type; null: the
     * natural value), or null when it called Activity::doNotCompleteOnReturn().
     *
     * @param list<mixed> $args encoded, then decoded per the activity's parameter types, as a worker does
     * @throws \Throwable what the activity threw, as it threw it
     * @throws \LogicException the activity suspended its Fiber, which nothing here would resume
     */
    public function run(callable $activity, array $args, ?string $type): mixed
    {
        $activityType = $this->context->uninterceptedInfo()->activityType;
        $definition = ActivityDefinition::fromCallable($activityType, $activity);
        $arguments = $definition->arguments($activityType, $this->converter->toPayloads($args), $this->converter);
        $fiber = new \Fiber(static fn (): mixed => $definition->call($arguments));
        $this->context->bind($fiber);
        $fiber->start();
        if (!$fiber->isTerminated()) {
            throw new \LogicException('ActivityEnvironment::run(): the activity suspended its Fiber, which no '
                . 'worker scheduler runs here; test an activity that waits on other Fibers with a worker');
        }
        $value = $fiber->getReturn();
        if ($this->context->completesAsync()) {
            return null;
        }
        return $this->converter->fromPayloads($this->converter->toPayloads([$value], 'result'), [$type])[0] ?? null;
    }
}

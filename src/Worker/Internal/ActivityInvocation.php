<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityExecutionResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Cancellation;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Failure as FailureResult;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Success;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\WillCompleteAsync;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;
use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\ActivityOutboundInterceptor;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use TrueAsync\Temporal\Internal\Converter\UnencodableFailure;

/**
 * Runs one activity attempt in the calling Fiber and turns whatever it does into its result: the value, a
 * failure from the failure converter, a cancellation, or "will complete async". The same code runs in the
 * worker process and in a pool child, each with the activity interceptors registered there.
 *
 * @internal
 */
final class ActivityInvocation
{
    private readonly Pipeline $inbound;
    private readonly Pipeline $outbound;

    /** @param list<Interceptor> $interceptors the first is outermost; those of other sides are skipped */
    public function __construct(
        private readonly ActivityRegistry $registry,
        private readonly DataConverter $converter,
        private readonly string $taskQueue,
        array $interceptors = [],
    ) {
        $this->inbound = Pipeline::of($interceptors, ActivityInboundInterceptor::class);
        $this->outbound = Pipeline::of($interceptors, ActivityOutboundInterceptor::class);
    }

    public function context(string $token, Start $start, ActivityChannel $channel): ActivityContext
    {
        $details = $start->getHeartbeatDetails();
        return new ActivityContext(
            ActivityInfo::fromStart($token, $this->taskQueue, $start),
            \count($details) > 0 ? new Payloads(['payloads' => $details]) : null,
            $channel,
            $this->converter,
            $this->outbound,
        );
    }

    /** Must run in the Fiber that $context is bound to. */
    public function run(ActivityContext $context, Start $start): ActivityExecutionResult
    {
        try {
            $definition = $this->definition($start->getActivityType());
            $arguments = $definition->arguments($start->getActivityType(),
                new Payloads(['payloads' => $start->getInput()]), $this->converter);
            $value = $this->execute($definition, $arguments, $context, $start);
            if ($context->completesAsync()) {
                return new ActivityExecutionResult(['will_complete_async' => new WillCompleteAsync()]);
            }
            $payload = $this->converter->toPayloads([$value], 'result')->getPayloads()[0];
            return new ActivityExecutionResult(['completed' => new Success(['result' => $payload])]);
        } catch (ActivityCanceledException $e) {
            return $this->cancelled($e);
        } catch (\Throwable $e) {
            return $this->failed($e);
        }
    }

    /**
     * Calls the activity through the inbound interceptors, which may change its arguments and its result.
     *
     * @param list<mixed> $arguments
     */
    private function execute(ActivityDefinition $definition, array $arguments, ActivityContext $context, Start $start): mixed
    {
        if ($this->inbound->isEmpty()) {
            return $definition->call($arguments);
        }
        $input = new ActivityInput($start->getActivityType(), $arguments, $context->uninterceptedInfo(),
            Header::fromMessage($start->getHeaderFields(), $this->converter));
        return $this->inbound->call('handleActivityInbound', $input,
            static fn (ActivityInput $input): mixed => $definition->call($input->args));
    }

    public function failed(\Throwable $e): ActivityExecutionResult
    {
        $failure = UnencodableFailure::encode($this->converter, $e);
        return new ActivityExecutionResult(['failed' => new FailureResult(['failure' => $failure])]);
    }

    public function cancelled(ActivityCanceledException $e): ActivityExecutionResult
    {
        $failure = UnencodableFailure::encode($this->converter, CanceledFailure::create($e->getMessage(), [], $e));
        return new ActivityExecutionResult(['cancelled' => new Cancellation(['failure' => $failure])]);
    }

    /** @throws ApplicationFailure the type is not registered (retryable: a newer worker may know it) */
    private function definition(string $activityType): ActivityDefinition
    {
        return $this->registry->find($activityType) ?? throw ApplicationFailure::create(
            \sprintf(
                'activity type "%s" is not registered on this worker (registered: %s)',
                $activityType,
                implode(', ', $this->registry->names()) ?: 'none',
            ),
            'NotFoundError',
        );
    }
}

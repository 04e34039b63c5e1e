<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use Google\Protobuf\GPBEmpty;
use TrueAsync\Temporal\Api\Testservice\V1\GetCurrentTimeResponse;
use TrueAsync\Temporal\Api\Testservice\V1\LockTimeSkippingRequest;
use TrueAsync\Temporal\Api\Testservice\V1\LockTimeSkippingResponse;
use TrueAsync\Temporal\Api\Testservice\V1\SleepRequest;
use TrueAsync\Temporal\Api\Testservice\V1\SleepResponse;
use TrueAsync\Temporal\Api\Testservice\V1\UnlockTimeSkippingRequest;
use TrueAsync\Temporal\Api\Testservice\V1\UnlockTimeSkippingResponse;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowClientCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowClient\GetResultInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * The test server's clock, through its TestService. Time skipping stays locked, and is unlocked only while a
 * client waits for a workflow's result (this interceptor) or the environment sleeps: then the server jumps
 * over any time in which nothing but timers would happen. Locked again whatever the wait's outcome.
 *
 * @internal
 */
final class TimeSkipping implements WorkflowClientCallsInterceptor
{
    use WorkflowClientCallsInterceptorTrait;

    /** @param Client $client without this interceptor */
    public function __construct(private readonly Client $client)
    {
    }

    public function getResult(GetResultInput $input, callable $next): mixed
    {
        $this->client->rawCall('TestService', 'UnlockTimeSkipping', new UnlockTimeSkippingRequest(),
            UnlockTimeSkippingResponse::class);
        try {
            return $next($input);
        } finally {
            $this->client->rawCall('TestService', 'LockTimeSkipping', new LockTimeSkippingRequest(),
                LockTimeSkippingResponse::class);
        }
    }

    /** Moves the server's clock on by $seconds at once (when nothing else holds time back). */
    public function sleep(float $seconds): void
    {
        $this->client->rawCall('TestService', 'UnlockTimeSkippingWithSleep',
            new SleepRequest(['duration' => ProtoTime::toDuration($seconds)]), SleepResponse::class);
    }

    public function now(): \DateTimeImmutable
    {
        $response = $this->client->rawCall('TestService', 'GetCurrentTime', new GPBEmpty(),
            GetCurrentTimeResponse::class);
        return ProtoTime::toDateTime($response->getTime()) ?? throw new \RuntimeException('the server sent no time');
    }
}

<?php

// The activities of the activity-interceptor tests, and their interceptors: registered on the Worker and
// its client (Fibers), or in each process by the pool's bootstrap (interceptor-pool-bootstrap.php).
// INTERCEPTOR_LOG names the file RecordingActivityInterceptor appends to.

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Activity\ActivityContext;
use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors\ChangingActivityInterceptor;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors\RecordingActivityInterceptor;
use TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors\RefusingActivityInterceptor;
use TrueAsync\Temporal\Worker\ActivityRegistrar;

require_once __DIR__ . '/../../../bootstrap.php';

return [
    'register' => static function (ActivityRegistrar $registrar): void {
        $pair = static fn (int $n, string $label): array => [$n, $label];
        $registrar->registerActivityCallable('icpt.pair', $pair)
            ->registerActivityCallable('icpt.addOne', $pair)
            ->registerActivityCallable('icpt.wrapResult', static fn (): string => 'inner')
            ->registerActivityCallable('icpt.refused', static fn (): string => 'ran')
            ->registerActivityCallable('icpt.refusedPlainly', static fn (): string => 'ran')
            // Heartbeats and asks for its info through both ways in: the facade and the context.
            ->registerActivityCallable('icpt.work', static function (int $heartbeats, int $infos): string {
                for ($i = 0; $i < $heartbeats; $i++) {
                    $i % 2 === 0 ? Activity::heartbeat($i) : ActivityContext::current()->heartbeat($i);
                }
                for ($i = 0; $i < $infos; $i++) {
                    $i % 2 === 0 ? Activity::getInfo() : ActivityContext::current()->getInfo();
                }
                return 'worked';
            })
            ->registerDynamicActivity(static fn (string $type, EncodedArguments $args): array =>
                [$type, $args->getValues()]);
    },
    /** @return list<Interceptor> the recording one outermost: it sees what the activity was scheduled with */
    'interceptors' => static fn (): array => [
        new RecordingActivityInterceptor((string) getenv('INTERCEPTOR_LOG')),
        new ChangingActivityInterceptor(),
        new RefusingActivityInterceptor(),
    ],
];

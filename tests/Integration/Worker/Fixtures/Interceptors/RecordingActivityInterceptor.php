<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures\Interceptors;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;
use TrueAsync\Temporal\Interceptor\Activity\HeartbeatInput;
use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\ActivityOutboundInterceptor;

/**
 * Appends a JSON line per hook call to a log file that the test reads: which hook, for which attempt (the
 * workflow id, activity id and attempt), in which process, with what it was given. Passes everything on.
 */
final class RecordingActivityInterceptor implements ActivityInboundInterceptor, ActivityOutboundInterceptor
{
    /** @var \WeakMap<\Fiber, array<string, mixed>> the Fiber running an attempt => the attempt's key */
    private \WeakMap $attempts;

    public function __construct(private readonly string $logFile)
    {
        $this->attempts = new \WeakMap();
    }

    public function handleActivityInbound(ActivityInput $input, callable $next): mixed
    {
        $key = ['workflow_id' => $input->info->workflowId, 'activity_id' => $input->info->activityId,
            'attempt' => $input->info->attempt];
        $fiber = \Fiber::getCurrent();
        if ($fiber !== null) {
            $this->attempts[$fiber] = $key;
        }
        $header = [];
        foreach ($input->header->getNames() as $name) {
            $header[$name] = $input->header->getValue($name);
        }
        $this->record('execute', $key + ['type' => $input->activityType, 'is_local' => $input->info->isLocal,
            'header' => $header, 'arguments' => array_map(self::describe(...), $input->args)]);
        return $next($input);
    }

    public function heartbeat(HeartbeatInput $input, callable $next): void
    {
        $this->record('heartbeat', $this->currentAttempt() + ['details' => $input->details]);
        $next($input);
    }

    public function getActivityInfo(callable $next): ActivityInfo
    {
        $this->record('getInfo', $this->currentAttempt());
        return $next();
    }

    /** @return array<string, mixed> */
    private function currentAttempt(): array
    {
        $fiber = \Fiber::getCurrent();
        return ($fiber === null ? null : ($this->attempts[$fiber] ?? null)) ?? ['workflow_id' => null];
    }

    /** @param array<string, mixed> $fields */
    private function record(string $hook, array $fields): void
    {
        $line = json_encode(['hook' => $hook, 'pid' => getmypid()] + $fields, JSON_THROW_ON_ERROR) . "\n";
        file_put_contents($this->logFile, $line, FILE_APPEND | LOCK_EX);
    }

    private static function describe(mixed $argument): mixed
    {
        return \is_object($argument) ? 'object ' . $argument::class : $argument;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Activity\ActivityInterface;

#[ActivityInterface(prefix: 'wf.')]
class GreetingActivities
{
    public function greet(string $name): string
    {
        return "Hello, $name!";
    }

    /** Heartbeats until cancelled (or 30 s). */
    public function waitForCancel(): string
    {
        $deadline = microtime(true) + 30;
        while (microtime(true) < $deadline) {
            \TrueAsync\Temporal\Activity::heartbeat();
            usleep(20_000);
        }
        return 'not cancelled';
    }

    /**
     * Creates $startedFile, then heartbeats until cancelled (or 30 s); with $ignore it then completes instead
     * of ending cancelled.
     */
    public function awaitCancel(string $startedFile, bool $ignore): string
    {
        touch($startedFile);
        $deadline = microtime(true) + 30;
        while (microtime(true) < $deadline) {
            try {
                \TrueAsync\Temporal\Activity::heartbeat();
            } catch (\TrueAsync\Temporal\Exception\ActivityCanceledException $e) {
                if (!$ignore) {
                    throw $e;
                }
                return 'completed after the cancellation';
            }
            usleep(20_000);
        }
        return 'not cancelled';
    }

    /** Fails its first two attempts. */
    public function flaky(): string
    {
        $info = \TrueAsync\Temporal\Activity::getInfo();
        if ($info->attempt < 3) {
            throw new \RuntimeException("attempt {$info->attempt} fails");
        }
        return "attempt {$info->attempt}" . ($info->isLocal ? ', local' : '');
    }

    /** Blocks the whole worker process (a synchronous call on stock PHP); creates $startedFile first. */
    public function block(int $seconds, string $startedFile = ''): string
    {
        $startedFile === '' || touch($startedFile);
        sleep($seconds);
        return 'unblocked';
    }

    public function fail(string $why): string
    {
        throw new \RuntimeException($why);
    }
}

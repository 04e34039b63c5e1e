<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * WorkerOptions::withMaxCachedWorkflowBytes() on a worker process (Fixtures/cache-bytes-worker.php): ten runs
 * holding 10 MiB each under a 50 MiB cap. Without the cap they would all stay cached (the count cap is 1000).
 */
final class WorkflowCacheBytesTest extends ServerTestCase
{
    private const MIB = 1 << 20;
    private const RUNS = 10;
    private const STATE_MIB = 10;
    private const CAP_MIB = 50;
    /** What the worker's RSS may grow by beyond the cap: Fiber stacks, the core's history copies, allocator slack. */
    private const RSS_SLACK_MIB = 30;

    public function testPastTheCapTheLeastRecentlyUsedRunsAreEvictedAndResumeByReplay(): void
    {
        $queue = 'cache-bytes-' . bin2hex(random_bytes(4));
        $log = tempnam(sys_get_temp_dir(), 'php-temporal-cache-bytes-');
        $worker = ChildProcess::php(__DIR__ . '/Fixtures/cache-bytes-worker.php',
            [$queue, (string) (self::CAP_MIB * self::MIB), $log], 'php-cache-bytes-worker');
        try {
            $worker->waitFor('worker ready');
            $baseline = self::rss($worker->pid());
            $handles = [];
            foreach (range(0, self::RUNS - 1) as $i) {
                $handles[$i] = $handle = self::client()->start('PhpBigState', [self::STATE_MIB, \chr(\ord('a') + $i)],
                    WorkflowOptions::new()->withTaskQueue($queue)->withWorkflowId(self::uniqueId("big-state-$i")));
                self::assertTrue(self::eventually(fn (): bool => self::firstTaskCompleted($handle), true),
                    "run $i never completed its first task\n" . $worker->output());
            }

            // 5 runs of 10 MiB plus their objects pass 50 MiB: 4 or 5 stay cached, the older ones are evicted.
            $evicted = self::eventuallyAccepted(fn (): array => self::records($log, 'workflow run evicted'),
                fn (array $records): bool => \count($records) >= self::RUNS - 5);
            $requested = self::records($log, 'evicting a workflow run: the cache is over its byte cap');
            self::assertContains(\count($requested), [self::RUNS - 5, self::RUNS - 4], $worker->output());
            self::assertCount(\count($requested), $evicted, 'every eviction asked for arrived');
            self::assertSame(array_column(array_column($requested, 'context'), 'run_id'),
                array_column(array_column($evicted, 'context'), 'run_id'), 'oldest first');
            foreach ($evicted as $record) {
                ['estimated_bytes' => $estimate, 'freed_bytes' => $freed] = $record['context'];
                self::assertGreaterThanOrEqual(self::STATE_MIB * self::MIB, $estimate, json_encode($record));
                self::assertGreaterThanOrEqual(self::STATE_MIB * self::MIB, $freed, 'the state was freed: ' . json_encode($record));
            }
            $growth = self::rss($worker->pid()) - $baseline;
            self::assertLessThan((self::CAP_MIB + self::RSS_SLACK_MIB) * self::MIB, $growth,
                sprintf('the worker grew by %.1f MiB for %d runs of %d MiB', $growth / self::MIB, self::RUNS, self::STATE_MIB));

            foreach ($handles as $i => $handle) {
                $handle->signal('finish');
            }
            foreach ($handles as $i => $handle) {
                $state = str_repeat(\chr(\ord('a') + $i), self::STATE_MIB * self::MIB);
                self::assertSame([\strlen($state), md5($state)], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S),
                    "run $i, evicted or not, finished with its state");
            }
        } finally {
            $code = $worker->stop();
            @unlink($log);
        }
        self::assertSame(0, $code, $worker->output());
    }

    private static function firstTaskCompleted(WorkflowHandle $handle): bool
    {
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            if ($event->getEventType() === EventType::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
                return true;
            }
        }
        return false;
    }

    /** @return list<array{message: string, context: array<string, mixed>}> the worker's records with $message */
    private static function records(string $log, string $message): array
    {
        $records = array_map(fn (string $line): array => json_decode($line, true, 512, JSON_THROW_ON_ERROR),
            file($log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: []);
        return array_values(array_filter($records, fn (array $record): bool => $record['message'] === $message));
    }

    private static function rss(int $pid): int
    {
        preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents("/proc/$pid/status"), $match)
            || self::fail("no VmRSS for $pid");
        return (int) $match[1] * 1024;
    }
}

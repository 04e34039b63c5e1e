<?php

// The cache_bytes scenario's workflow and the logger that lets it count evictions (php_worker.php --role big-state).

declare(strict_types=1);

use Psr\Log\AbstractLogger;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * Builds $mebibytes MiB of state (a string of $fill), keeps it until the signal "finish", then returns its length
 * and MD5: a run evicted from the cache meanwhile rebuilds it by replay, so the result is the same either way.
 */
#[WorkflowInterface]
final class BenchBigState
{
    private string $state = '';
    private bool $finished = false;

    #[WorkflowMethod(name: 'BenchBigState')]
    public function run(int $mebibytes, string $fill): array
    {
        $this->state = str_repeat($fill, $mebibytes << 20);
        Workflow::await(fn (): bool => $this->finished);
        return [\strlen($this->state), md5($this->state)];
    }

    #[SignalMethod(name: 'finish')]
    public function finish(): void
    {
        $this->finished = true;
    }
}

/**
 * Prints the workflow cache's eviction records, one line each, to the worker's output (the scenario reads its
 * log); drops every other record, so logging costs the worker nothing else.
 */
final class BenchEvictionLogger extends AbstractLogger
{
    /** The records of WorkflowTaskRunner: an eviction asked for by the byte cap, and any eviction done. */
    public const MESSAGES = ['evicting a workflow run: the cache is over its byte cap', 'workflow run evicted'];

    public function log($level, $message, array $context = []): void
    {
        if (\in_array((string) $message, self::MESSAGES, true)) {
            echo 'cache: ', $message, ' ', json_encode($context), "\n";
        }
    }
}

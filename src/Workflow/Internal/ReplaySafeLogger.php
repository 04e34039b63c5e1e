<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use Psr\Log\LoggerInterface;
use Psr\Log\LogLevel;

/**
 * The workflow's logger: drops records while the run replays history (they were logged the first time),
 * adds the run's identity to every record, and hands them to the worker's logger once the activation is
 * over (loggers read the clock, which workflow code may not). Compatible with psr/log 1, 2 and 3.
 *
 * @internal
 */
final class ReplaySafeLogger implements LoggerInterface
{
    /** @var list<array{mixed, mixed, array}> records of this activation, handed to the worker's logger after it */
    private array $records = [];

    public function __construct(private readonly WorkflowRun $run, private readonly ?LoggerInterface $target)
    {
    }

    public function log($level, $message, array $context = []): void
    {
        $this->record($level, $message, $context, false);
    }

    /**
     * An error of the SDK about the run (a dropped signal): to the worker's logger, or to PHP's error_log()
     * when it has none, so that it is never lost silently. Dropped while replaying, like every record.
     */
    public function sdkError(string $message, array $context = []): void
    {
        $this->record(LogLevel::ERROR, $message, $context, true);
    }

    /** Hands this activation's records to the worker's logger (outside workflow code: it may read the clock). */
    public function flush(): void
    {
        [$records, $this->records] = [$this->records, []];
        foreach ($records as [$level, $message, $context]) {
            if ($this->target === null) {
                error_log(\sprintf('temporal %s: %s (workflow %s, id %s, run %s)', $level, $message,
                    $context['workflow_type'], $context['workflow_id'], $context['run_id']));
            } else {
                $this->target->log($level, $message, $context);
            }
        }
    }

    private function record(mixed $level, mixed $message, array $context, bool $evenWithoutLogger): void
    {
        if (($this->target === null && !$evenWithoutLogger) || $this->run->isReplaying()) {
            return;
        }
        $info = $this->run->info;
        $this->records[] = [$level, $message, $context + [
            'workflow_type' => $info->workflowType,
            'workflow_id' => $info->workflowId,
            'run_id' => $info->runId,
        ]];
    }

    public function emergency($message, array $context = []): void
    {
        $this->log(LogLevel::EMERGENCY, $message, $context);
    }

    public function alert($message, array $context = []): void
    {
        $this->log(LogLevel::ALERT, $message, $context);
    }

    public function critical($message, array $context = []): void
    {
        $this->log(LogLevel::CRITICAL, $message, $context);
    }

    public function error($message, array $context = []): void
    {
        $this->log(LogLevel::ERROR, $message, $context);
    }

    public function warning($message, array $context = []): void
    {
        $this->log(LogLevel::WARNING, $message, $context);
    }

    public function notice($message, array $context = []): void
    {
        $this->log(LogLevel::NOTICE, $message, $context);
    }

    public function info($message, array $context = []): void
    {
        $this->log(LogLevel::INFO, $message, $context);
    }

    public function debug($message, array $context = []): void
    {
        $this->log(LogLevel::DEBUG, $message, $context);
    }
}

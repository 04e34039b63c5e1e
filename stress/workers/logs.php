<?php

// The files the stress worker writes for the scenarios to read: one JSON object a line, each written with one
// append (O_APPEND), so lines of workers that share a file never interleave.

declare(strict_types=1);

namespace Stress;

use Psr\Log\AbstractLogger;

final class JsonLines
{
    /** @var resource */
    private $file;

    public function __construct(string $path)
    {
        $this->file = fopen($path, 'a') ?: throw new \RuntimeException("cannot open $path");
    }

    /** @param array<string, mixed> $record written with the wall-clock time `t` (seconds) */
    public function write(array $record): void
    {
        fwrite($this->file, json_encode($record + ['t' => microtime(true)], JSON_THROW_ON_ERROR) . "\n");
    }
}

/**
 * The worker's logger: keeps the SDK's activation records ("workflow activation received" / "completed") with
 * the pid, which is what the scenarios match against the histories' timed-out workflow tasks.
 */
final class ActivationLog extends AbstractLogger
{
    public function __construct(private readonly JsonLines $lines)
    {
    }

    public function log($level, $message, array $context = []): void
    {
        $this->lines->write(['e' => (string) $message, 'pid' => getmypid()] + $context);
    }
}

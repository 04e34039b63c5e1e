<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Observability\Fixtures;

use Psr\Log\AbstractLogger;

/**
 * A PSR-3 logger writing each record as a line of JSON, for a test to read from another process; a broken one
 * throws instead on its first $throwOnFirst records.
 */
final class JsonLinesLogger extends AbstractLogger
{
    public function __construct(private readonly string $file, private int $throwOnFirst = 0)
    {
    }

    public function log($level, $message, array $context = []): void
    {
        if ($this->throwOnFirst > 0) {
            $this->throwOnFirst--;
            throw new \RuntimeException("the logger is broken on purpose: lost '$message'");
        }
        file_put_contents($this->file, json_encode(['level' => $level, 'message' => (string) $message,
            'context' => $context], JSON_THROW_ON_ERROR) . "\n", FILE_APPEND | LOCK_EX);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Runtime;

use Psr\Log\LoggerInterface;
use TrueAsync\Temporal\Core\Runtime as CoreRuntime;
use TrueAsync\Temporal\Metrics\MetricMeter;

/**
 * The process's Temporal core runtime: the threads every client, worker and replayer of the process share,
 * with their metrics exporter and worker heartbeats. It starts with the defaults (no metrics) on first use;
 * configure() starts it with options instead, and must run first, once per process.
 *
 * A child made by fork() builds a runtime of its own on first use, with the parent's options but without
 * the Prometheus endpoint, whose port stays the parent's; the child may configure() its own.
 */
final class Runtime
{
    /** The core's records as PSR-3 levels. */
    private const PSR_LEVELS = ['ERROR' => 'error', 'WARN' => 'warning', 'INFO' => 'info', 'DEBUG' => 'debug',
        'TRACE' => 'debug'];

    private static ?LoggerInterface $logger = null;

    private function __construct(private readonly ?string $prometheusAddress)
    {
    }

    /**
     * Starts this process's runtime with $options. An exporter that cannot start fails here: a port in use,
     * an endpoint that is not a URL.
     *
     * @throws \ValueError the options are invalid, or the exporter cannot start
     * @throws \LogicException the runtime already runs in this process: configure() ran before, or a client,
     *     worker or replayer was created first
     */
    public static function configure(RuntimeOptions $options): self
    {
        $started = json_decode(
            CoreRuntime::configure(json_encode($options->toArray(), JSON_THROW_ON_ERROR)),
            true,
            flags: JSON_THROW_ON_ERROR,
        );
        self::$logger = $options->getLogger();
        return new self($started['prometheus_address']);
    }

    /**
     * Passes the core's buffered log records to the logger of RuntimeOptions::withLogger(). A worker does it
     * whenever its scheduler wakes up; a process without a worker calls it when it suits it. No-op without one.
     * A logger that throws loses only the record it threw on: the rest are still offered, and the failure is
     * written with error_log() (stderr in the CLI), so a broken logger never stops the worker that forwards.
     */
    public static function forwardLogs(): void
    {
        if (self::$logger === null || ($json = CoreRuntime::takeLogs()) === null) {
            return;
        }
        $logs = json_decode($json, true, flags: JSON_THROW_ON_ERROR);
        $offers = [];
        foreach ($logs['records'] as $record) {
            $offers[] = [self::PSR_LEVELS[$record['level']] ?? 'warning', $record['message'],
                $record['fields'] + ['target' => $record['target'], 'spans' => $record['spans'],
                    'timestamp_ms' => $record['timestamp_ms']]];
        }
        if ($logs['dropped'] > 0) {
            $offers[] = ['warning', 'Temporal core: {dropped} log records were dropped: they came faster than PHP '
                . 'took them', ['dropped' => $logs['dropped']]];
        }
        self::offer(self::$logger, $offers);
    }

    /** @param list<array{string, string, array<string, mixed>}> $offers level, message, context */
    private static function offer(LoggerInterface $logger, array $offers): void
    {
        $failures = 0;
        $first = null;
        foreach ($offers as [$level, $message, $context]) {
            try {
                $logger->log($level, $message, $context);
            } catch (\Throwable $e) {
                $failures++;
                $first ??= $e;
            }
        }
        if ($first !== null) {
            error_log(sprintf('Temporal core: the PSR-3 logger threw on %d of %d log records, which are lost; '
                . 'the first: %s: %s', $failures, \count($offers), $first::class, $first->getMessage()));
        }
    }

    /**
     * Custom metrics with no labels but the ones given (Metrics\MetricMeter), for code outside workflows and
     * activities. Its first instrument starts the runtime with the defaults if it is not running: configure() first.
     */
    public static function getMetricMeter(): MetricMeter
    {
        return MetricMeter::create();
    }

    /** The address the Prometheus endpoint listens on ("127.0.0.1:9464"), a free port's when 0 was asked. */
    public function getPrometheusAddress(): ?string
    {
        return $this->prometheusAddress;
    }
}

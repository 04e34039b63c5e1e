<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Runtime;

use Psr\Log\LoggerInterface;
use Psr\Log\LogLevel;
use TrueAsync\Temporal\Internal\ProtoTime;
use TrueAsync\Temporal\Internal\Seconds;

/**
 * What Runtime::configure() starts the core runtime with: one metrics exporter (Prometheus or OTLP), the
 * prefix of the core's metric names, the interval of worker heartbeats and a logger for the core's logs. Immutable: every with*()
 * returns a copy.
 */
final class RuntimeOptions
{
    /** PSR-3 levels as the core's (tracing's) levels. */
    private const CORE_LEVELS = [
        LogLevel::EMERGENCY => 'ERROR', LogLevel::ALERT => 'ERROR', LogLevel::CRITICAL => 'ERROR',
        LogLevel::ERROR => 'ERROR', LogLevel::WARNING => 'WARN', LogLevel::NOTICE => 'INFO',
        LogLevel::INFO => 'INFO', LogLevel::DEBUG => 'DEBUG',
    ];

    private PrometheusOptions|OtlpOptions|null $metrics = null;
    private ?string $metricPrefix = null;
    /** 0: off; null: the core's default, 60 s. */
    private ?float $workerHeartbeatInterval = null;
    private ?LoggerInterface $logger = null;
    private string $logLevel = LogLevel::WARNING;

    private function __construct()
    {
    }

    /** The core's defaults: no metrics, the "temporal_" prefix, a worker heartbeat every 60 s. */
    public static function new(): self
    {
        return new self();
    }

    /** Serves the core's metrics (and custom ones) for Prometheus to scrape; replaces an OTLP exporter. */
    public function withPrometheus(PrometheusOptions $options): self
    {
        $copy = clone $this;
        $copy->metrics = $options;
        return $copy;
    }

    /** Pushes the core's metrics (and custom ones) to an OTLP collector; replaces a Prometheus endpoint. */
    public function withOtlp(OtlpOptions $options): self
    {
        $copy = clone $this;
        $copy->metrics = $options;
        return $copy;
    }

    /**
     * The prefix of the metrics the core emits (not of custom ones); default "temporal_".
     *
     * @throws \ValueError $prefix is not a valid start of a Prometheus metric name
     */
    public function withMetricPrefix(string $prefix): self
    {
        if (preg_match('/^[a-zA-Z_:][a-zA-Z0-9_:]*$/D', $prefix) !== 1 && $prefix !== '') {
            throw new \ValueError("RuntimeOptions::withMetricPrefix(): \"$prefix\" is not a valid metric name prefix");
        }
        $copy = clone $this;
        $copy->metricPrefix = $prefix;
        return $copy;
    }

    /**
     * How often each worker reports itself to the server (its slots, pollers and task counts, shown by the
     * server's worker list); null turns the heartbeats off. Default 60 s.
     *
     * @throws \ValueError $seconds is not between 1 and 60
     */
    public function withWorkerHeartbeatInterval(?float $seconds): self
    {
        $option = 'RuntimeOptions::withWorkerHeartbeatInterval()';
        if ($seconds !== null && (ProtoTime::seconds($seconds, $option) < 1.0 || $seconds > 60.0)) {
            throw new \ValueError("$option: the interval must be between 1 s and 60 s, got " . Seconds::format($seconds));
        }
        $copy = clone $this;
        $copy->workerHeartbeatInterval = $seconds ?? 0.0;
        return $copy;
    }

    /**
     * Sends the core's own log records (polling errors, failed workflow tasks, retries) at $level and above to
     * $logger, with their fields as context. The core buffers them and the PHP thread passes them on when a
     * worker's scheduler wakes up, or when Runtime::forwardLogs() is called; records lost because PHP fell
     * behind are reported with one warning, and a record the logger throws on is reported with error_log().
     * WorkerOptions::withLogger() stays the logger of the SDK's records.
     *
     * @param string $level a Psr\Log\LogLevel; emergency, alert and critical count as error, notice as info
     * @throws \ValueError $level is not a PSR-3 level
     */
    public function withLogger(LoggerInterface $logger, string $level = LogLevel::WARNING): self
    {
        if (!isset(self::CORE_LEVELS[$level])) {
            throw new \ValueError("RuntimeOptions::withLogger(): \"$level\" is not a PSR-3 log level");
        }
        $copy = clone $this;
        $copy->logger = $logger;
        $copy->logLevel = $level;
        return $copy;
    }

    /** @internal Runtime::configure() keeps it */
    public function getLogger(): ?LoggerInterface
    {
        return $this->logger;
    }

    /**
     * The bridge's runtime options document (docs/DESIGN.md, "Runtime options").
     *
     * @internal
     * @return array<string, mixed>|\stdClass
     */
    public function toArray(): array|\stdClass
    {
        $document = [];
        if ($this->metricPrefix !== null) {
            $document['metric_prefix'] = $this->metricPrefix;
        }
        if ($this->workerHeartbeatInterval !== null) {
            $document['worker_heartbeat_interval_ms'] = (int) round($this->workerHeartbeatInterval * 1000);
        }
        if ($this->logger !== null) {
            $document['log_level'] = self::CORE_LEVELS[$this->logLevel];
        }
        if ($this->metrics instanceof PrometheusOptions) {
            $document['prometheus'] = $this->metrics->toArray();
        } elseif ($this->metrics instanceof OtlpOptions) {
            $document['otlp'] = $this->metrics->toArray();
        }
        return $document === [] ? new \stdClass() : $document;
    }
}

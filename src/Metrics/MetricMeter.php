<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics;

use TrueAsync\Temporal\Core\Metric as CoreMetric;
use TrueAsync\Temporal\Metrics\Internal\MetricAttributes;

/**
 * Creates custom metrics on the process's runtime meter: they go to the exporter Runtime::configure() set up,
 * beside the core's metrics but without their prefix; without an exporter they record nothing. The meters of
 * Workflow::getMetricMeter() and Activity::getMetricMeter() add the namespace, task queue and workflow or
 * activity type as labels; Runtime::getMetricMeter() adds none. Immutable: withAttributes() returns a copy.
 */
final class MetricMeter
{
    /** @var array<string, CoreMetric> one core instrument per kind and name in this process */
    private static array $instruments = [];
    private static ?int $instrumentsPid = null;

    /**
     * @param array<string, string|int|float|bool> $attributes
     * @param ?\Closure(): bool $recording whether a record counts now (false while a workflow replays)
     */
    private function __construct(private readonly array $attributes, private readonly ?\Closure $recording)
    {
    }

    /**
     * @internal Runtime::getMetricMeter(), Workflow::getMetricMeter() and Activity::getMetricMeter() make meters
     * @param array<string, string|int|float|bool> $attributes
     */
    public static function create(array $attributes = [], ?\Closure $recording = null): self
    {
        return new self(MetricAttributes::checked($attributes, 'MetricMeter'), $recording);
    }

    /**
     * A meter whose instruments add these labels to every record.
     *
     * @param array<string, string|int|float|bool> $attributes
     * @throws \ValueError a name is not a label name or a value is not a string, number or boolean
     */
    public function withAttributes(array $attributes): self
    {
        return new self(MetricAttributes::checked($attributes, 'MetricMeter::withAttributes()') + $this->attributes,
            $this->recording);
    }

    /** @throws \ValueError $name is not a metric name */
    public function createCounter(string $name, string $description = '', string $unit = ''): MetricCounter
    {
        return new MetricCounter($this->instrument(CoreMetric::COUNTER, $name, $description, $unit),
            $this->attributes, $this->recording);
    }

    /** @throws \ValueError $name is not a metric name */
    public function createHistogram(string $name, string $description = '', string $unit = ''): MetricHistogram
    {
        return new MetricHistogram($this->instrument(CoreMetric::HISTOGRAM, $name, $description, $unit),
            $this->attributes, $this->recording);
    }

    /** @throws \ValueError $name is not a metric name */
    public function createGauge(string $name, string $description = '', string $unit = ''): MetricGauge
    {
        return new MetricGauge($this->instrument(CoreMetric::GAUGE, $name, $description, $unit),
            $this->attributes, $this->recording);
    }

    /** The core instrument for $name, made once per process: a workflow asks for it on every activation. */
    private function instrument(int $kind, string $name, string $description, string $unit): CoreMetric
    {
        if (preg_match('/^[a-zA-Z_:][a-zA-Z0-9_:]*$/D', $name) !== 1) {
            throw new \ValueError("MetricMeter: \"$name\" is not a metric name (letters, digits, _ and :)");
        }
        if (self::$instrumentsPid !== getmypid()) {
            self::$instruments = [];
            self::$instrumentsPid = getmypid();
        }
        return self::$instruments["$kind:$name"] ??= new CoreMetric($kind, $name, $description, $unit);
    }
}

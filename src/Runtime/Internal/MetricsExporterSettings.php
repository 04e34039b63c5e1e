<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Runtime\Internal;

/**
 * What the Prometheus and the OTLP exporter share: tags on every metric, durations in seconds or
 * milliseconds, and histogram bucket overrides.
 *
 * @internal
 */
trait MetricsExporterSettings
{
    /** @var array<string, string> */
    private array $globalTags = [];
    private bool $durationsAsSeconds = false;
    /** @var array<string, list<float>> */
    private array $histogramBuckets = [];

    /**
     * Tags on every metric, e.g. ['deployment' => 'eu-1']: labels of each series for Prometheus, attributes of
     * the resource for OTLP.
     *
     * @param array<string, string> $tags
     * @throws \ValueError a key is not a valid label name
     */
    public function withGlobalTags(array $tags): self
    {
        foreach ($tags as $name => $value) {
            if (!is_string($name) || preg_match('/^[a-zA-Z_][a-zA-Z0-9_]*$/D', $name) !== 1) {
                throw new \ValueError(static::class . '::withGlobalTags(): "' . $name . '" is not a valid label name');
            }
            if (!is_string($value)) {
                throw new \ValueError(static::class . "::withGlobalTags(): the value of \"$name\" must be a string");
            }
        }
        $copy = clone $this;
        $copy->globalTags = $tags;
        return $copy;
    }

    /** Durations in seconds (float), as OpenTelemetry advises, instead of the core's default milliseconds. */
    public function withDurationsAsSeconds(bool $seconds = true): self
    {
        $copy = clone $this;
        $copy->durationsAsSeconds = $seconds;
        return $copy;
    }

    /**
     * The bucket boundaries of one histogram, named without its prefix (e.g. "workflow_task_execution_latency"),
     * in the unit durations are recorded in.
     *
     * @param list<float> $boundaries ascending
     * @throws \ValueError the boundaries are empty, not finite or not ascending
     */
    public function withHistogramBuckets(string $metric, array $boundaries): self
    {
        $previous = -INF;
        foreach ($boundaries as $boundary) {
            if ((!is_float($boundary) && !is_int($boundary)) || !is_finite((float) $boundary) || $boundary <= $previous) {
                throw new \ValueError(static::class . "::withHistogramBuckets(): the boundaries of \"$metric\" "
                    . 'must be finite numbers in ascending order');
            }
            $previous = $boundary;
        }
        if ($boundaries === [] || $metric === '') {
            throw new \ValueError(static::class . '::withHistogramBuckets(): a metric name and boundaries are needed');
        }
        $copy = clone $this;
        $copy->histogramBuckets[$metric] = array_map(floatval(...), array_values($boundaries));
        return $copy;
    }

    /** @return array<string, mixed> */
    private function sharedSettings(): array
    {
        return [
            'global_tags' => (object) $this->globalTags,
            'durations_as_seconds' => $this->durationsAsSeconds,
            'histogram_buckets' => (object) $this->histogramBuckets,
        ];
    }
}

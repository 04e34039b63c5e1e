<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics\Internal;

use TrueAsync\Temporal\Core\Metric as CoreMetric;

/**
 * What the three instruments share: their core instrument, the meter's labels and whether a record counts now.
 *
 * @internal
 */
trait Instrument
{
    /**
     * @param array<string, string|int|float|bool> $attributes
     * @param ?\Closure(): bool $recording
     */
    public function __construct(
        private readonly CoreMetric $metric,
        private readonly array $attributes,
        private readonly ?\Closure $recording,
    ) {
    }

    /**
     * The same instrument with these labels added to every record.
     *
     * @param array<string, string|int|float|bool> $attributes
     * @throws \ValueError a name is not a label name or a value is not a string, number or boolean
     */
    public function withAttributes(array $attributes): static
    {
        return new static($this->metric,
            MetricAttributes::checked($attributes, static::class . '::withAttributes()') + $this->attributes,
            $this->recording);
    }

    /** @param array<string, string|int|float|bool> $attributes */
    private function send(int|float $value, array $attributes, string $where): void
    {
        $attributes = MetricAttributes::checked($attributes, $where) + $this->attributes;
        if ($this->recording !== null && !($this->recording)()) {
            return;
        }
        $this->metric->record((float) $value, MetricAttributes::json($attributes));
    }
}

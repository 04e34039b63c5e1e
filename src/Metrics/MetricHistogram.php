<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics;

use TrueAsync\Temporal\Metrics\Internal\Instrument;

/** A distribution of values: durations, sizes. Buckets come from the exporter's options. */
final class MetricHistogram
{
    use Instrument;

    /**
     * @param array<string, string|int|float|bool> $attributes labels of this record, over the meter's
     * @throws \ValueError $value is not finite, or an attribute is invalid
     */
    public function record(int|float $value, array $attributes = []): void
    {
        $this->send($value, $attributes, 'MetricHistogram::record()');
    }
}

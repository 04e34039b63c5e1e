<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics;

use TrueAsync\Temporal\Metrics\Internal\Instrument;

/** A value that goes up and down, of which the last one set counts: queue length, items in a batch. */
final class MetricGauge
{
    use Instrument;

    /**
     * @param array<string, string|int|float|bool> $attributes labels of this record, over the meter's
     * @throws \ValueError $value is not finite, or an attribute is invalid
     */
    public function set(int|float $value, array $attributes = []): void
    {
        $this->send($value, $attributes, 'MetricGauge::set()');
    }
}

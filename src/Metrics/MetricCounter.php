<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Metrics;

use TrueAsync\Temporal\Metrics\Internal\Instrument;

/** A count that only goes up: requests made, orders shipped. */
final class MetricCounter
{
    use Instrument;

    /**
     * @param array<string, string|int|float|bool> $attributes labels of this record, over the meter's
     * @throws \ValueError $value is negative, or an attribute is invalid
     */
    public function add(int $value, array $attributes = []): void
    {
        if ($value < 0) {
            throw new \ValueError("MetricCounter::add(): a counter only goes up, got $value");
        }
        $this->send($value, $attributes, 'MetricCounter::add()');
    }
}

<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * One custom metric instrument on the process's runtime meter (Runtime::configure()'s exporter); without an
 * exporter it records nothing but still checks what it is given.
 *
 * @strict-properties
 * @not-serializable
 */
final class Metric
{
    /**
     * @var int
     * @cvalue TB_METRIC_COUNTER
     */
    public const COUNTER = UNKNOWN;
    /**
     * @var int
     * @cvalue TB_METRIC_HISTOGRAM
     */
    public const HISTOGRAM = UNKNOWN;
    /**
     * @var int
     * @cvalue TB_METRIC_GAUGE
     */
    public const GAUGE = UNKNOWN;

    /** @throws \ValueError an unknown kind, or a name, description or unit that is not UTF-8 */
    public function __construct(int $kind, string $name, string $description = '', string $unit = '') {}

    /**
     * Adds $value to a counter (a whole number of 0 or more) or records it (finite) in a histogram or gauge.
     *
     * @param string $attributesJson a JSON object of label names to strings, numbers or booleans; '' for none
     * @throws \ValueError the value or the attributes are invalid
     * @throws TemporalException the metric was created before fork()
     */
    public function record(float $value, string $attributesJson = ''): void {}
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Runtime;

use TrueAsync\Temporal\Runtime\Internal\MetricsExporterSettings;

/**
 * A Prometheus scrape endpoint served by the core (GET /metrics on the bind address). Immutable: every
 * with*() returns a copy.
 */
final class PrometheusOptions
{
    use MetricsExporterSettings;

    private bool $countersTotalSuffix = false;
    private bool $unitSuffix = false;

    /** @param string $bindAddress "ip:port"; port 0 takes a free one (Runtime::getPrometheusAddress() tells it) */
    private function __construct(private readonly string $bindAddress)
    {
    }

    /** @throws \ValueError $bindAddress is not "ip:port" */
    public static function new(string $bindAddress): self
    {
        if (preg_match('/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):\d{1,5}$/D', $bindAddress) !== 1) {
            throw new \ValueError("PrometheusOptions::new(): \"$bindAddress\" is not ip:port, e.g. 127.0.0.1:9464");
        }
        return new self($bindAddress);
    }

    /** Counters named with a "_total" suffix, as OpenMetrics names them. */
    public function withCountersTotalSuffix(bool $suffix = true): self
    {
        $copy = clone $this;
        $copy->countersTotalSuffix = $suffix;
        return $copy;
    }

    /** Histograms named with their unit as a suffix, e.g. "_milliseconds". */
    public function withUnitSuffix(bool $suffix = true): self
    {
        $copy = clone $this;
        $copy->unitSuffix = $suffix;
        return $copy;
    }

    /**
     * @internal
     * @return array<string, mixed>
     */
    public function toArray(): array
    {
        return [
            'bind_address' => $this->bindAddress,
            'counters_total_suffix' => $this->countersTotalSuffix,
            'unit_suffix' => $this->unitSuffix,
        ] + $this->sharedSettings();
    }
}

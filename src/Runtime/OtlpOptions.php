<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Runtime;

use TrueAsync\Temporal\Internal\Seconds;
use TrueAsync\Temporal\Runtime\Internal\MetricsExporterSettings;

/**
 * Metrics pushed to an OpenTelemetry collector over OTLP (gRPC by default, or HTTP). Immutable: every with*()
 * returns a copy.
 */
final class OtlpOptions
{
    use MetricsExporterSettings;

    /** @var array<string, string> */
    private array $headers = [];
    private float $period = 1.0;
    private bool $delta = false;
    private bool $http = false;

    private function __construct(private readonly string $url)
    {
    }

    /**
     * @param string $url the collector, e.g. "http://127.0.0.1:4317" (gRPC) or "http://127.0.0.1:4318/v1/metrics" (HTTP)
     * @throws \ValueError $url is not an http or https URL
     */
    public static function new(string $url): self
    {
        $scheme = parse_url($url, PHP_URL_SCHEME);
        if (!in_array($scheme, ['http', 'https'], true) || parse_url($url, PHP_URL_HOST) === null) {
            throw new \ValueError("OtlpOptions::new(): \"$url\" is not an http(s) URL of a collector");
        }
        return new self($url);
    }

    /**
     * Sent with every export, e.g. ['authorization' => 'Bearer …'].
     *
     * @param array<string, string> $headers
     */
    public function withHeaders(#[\SensitiveParameter] array $headers): self
    {
        foreach ($headers as $name => $value) {
            if (!is_string($name) || !is_string($value)) {
                throw new \ValueError('OtlpOptions::withHeaders(): names and values must be strings');
            }
        }
        $copy = clone $this;
        $copy->headers = $headers;
        return $copy;
    }

    /**
     * How often metrics are pushed; default 1 s.
     *
     * @throws \ValueError $seconds is not more than 0
     */
    public function withPeriod(float $seconds): self
    {
        $copy = clone $this;
        $copy->period = Seconds::positive($seconds, 'OtlpOptions::withPeriod()');
        return $copy;
    }

    /** Delta temporality (each export counts since the last) instead of cumulative. */
    public function withDeltaTemporality(bool $delta = true): self
    {
        $copy = clone $this;
        $copy->delta = $delta;
        return $copy;
    }

    /** OTLP over HTTP (protobuf) instead of gRPC. */
    public function withHttpProtocol(bool $http = true): self
    {
        $copy = clone $this;
        $copy->http = $http;
        return $copy;
    }

    /**
     * @internal
     * @return array<string, mixed>
     */
    public function toArray(): array
    {
        return [
            'url' => $this->url,
            'headers' => (object) $this->headers,
            'period_ms' => Seconds::toMs($this->period),
            'temporality' => $this->delta ? 'delta' : 'cumulative',
            'protocol' => $this->http ? 'http' : 'grpc',
        ] + $this->sharedSettings();
    }

    public function __debugInfo(): array
    {
        return ['url' => $this->url, 'headers' => array_fill_keys(array_keys($this->headers), '(hidden)')];
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Runtime;

use PHPUnit\Framework\TestCase;
use Psr\Log\LogLevel;
use Psr\Log\NullLogger;
use TrueAsync\Temporal\Runtime\OtlpOptions;
use TrueAsync\Temporal\Runtime\PrometheusOptions;
use TrueAsync\Temporal\Runtime\RuntimeOptions;

final class RuntimeOptionsTest extends TestCase
{
    public function testALoggerSendsItsLevelAsTheCoresAndIsKeptOnThePhpSide(): void
    {
        $logger = new NullLogger();
        $options = RuntimeOptions::new()->withLogger($logger, LogLevel::NOTICE);
        self::assertSame(['log_level' => 'INFO'], $options->toArray());
        self::assertSame($logger, $options->getLogger());
        self::assertSame(['log_level' => 'WARN'], RuntimeOptions::new()->withLogger($logger)->toArray());
    }

    public function testTheDefaultsSendAnEmptyDocument(): void
    {
        self::assertSame('{}', json_encode(RuntimeOptions::new()->toArray()));
    }

    public function testPrometheusOptionsBecomeTheBridgesDocument(): void
    {
        $options = RuntimeOptions::new()
            ->withMetricPrefix('app_')
            ->withWorkerHeartbeatInterval(null)
            ->withPrometheus(PrometheusOptions::new('127.0.0.1:9464')
                ->withGlobalTags(['region' => 'eu'])
                ->withCountersTotalSuffix()
                ->withUnitSuffix()
                ->withDurationsAsSeconds()
                ->withHistogramBuckets('workflow_task_execution_latency', [1, 2.5, 10]));

        self::assertSame([
            'metric_prefix' => 'app_',
            'worker_heartbeat_interval_ms' => 0,
            'prometheus' => [
                'bind_address' => '127.0.0.1:9464',
                'counters_total_suffix' => true,
                'unit_suffix' => true,
                'global_tags' => ['region' => 'eu'],
                'durations_as_seconds' => true,
                'histogram_buckets' => ['workflow_task_execution_latency' => [1, 2.5, 10]], // JSON drops ".0"
            ],
        ], json_decode(json_encode($options->toArray()), true));
    }

    public function testOtlpReplacesPrometheusAndCarriesItsPeriodTemporalityAndProtocol(): void
    {
        $options = RuntimeOptions::new()
            ->withPrometheus(PrometheusOptions::new('127.0.0.1:0'))
            ->withWorkerHeartbeatInterval(5)
            ->withOtlp(OtlpOptions::new('https://otel.example:4317')->withHeaders(['authorization' => 'secret'])
                ->withPeriod(0.25)->withDeltaTemporality()->withHttpProtocol());

        self::assertSame([
            'worker_heartbeat_interval_ms' => 5000,
            'otlp' => [
                'url' => 'https://otel.example:4317',
                'headers' => ['authorization' => 'secret'],
                'period_ms' => 250,
                'temporality' => 'delta',
                'protocol' => 'http',
                'global_tags' => [],
                'durations_as_seconds' => false,
                'histogram_buckets' => [],
            ],
        ], json_decode(json_encode($options->toArray()), true));
        self::assertStringNotContainsString('secret', print_r(OtlpOptions::new('http://h:1')
            ->withHeaders(['authorization' => 'secret']), true));
    }

    /** @return iterable<string, array{\Closure, string}> */
    public static function badOptions(): iterable
    {
        yield 'heartbeat too often' => [fn () => RuntimeOptions::new()->withWorkerHeartbeatInterval(0.5), 'between 1 s and 60 s'];
        yield 'heartbeat too rare' => [fn () => RuntimeOptions::new()->withWorkerHeartbeatInterval(61), 'between 1 s and 60 s'];
        yield 'prefix' => [fn () => RuntimeOptions::new()->withMetricPrefix('my-app'), 'not a valid metric name prefix'];
        yield 'bind address' => [fn () => PrometheusOptions::new('localhost'), 'is not ip:port'];
        yield 'tag name' => [fn () => PrometheusOptions::new('127.0.0.1:0')->withGlobalTags(['a-b' => 'c']), 'not a valid label name'];
        yield 'buckets' => [fn () => PrometheusOptions::new('127.0.0.1:0')->withHistogramBuckets('x', [2, 1]), 'ascending'];
        yield 'no buckets' => [fn () => OtlpOptions::new('http://h:1')->withHistogramBuckets('x', []), 'boundaries are needed'];
        yield 'url' => [fn () => OtlpOptions::new('127.0.0.1:4317'), 'is not an http(s) URL'];
        yield 'period' => [fn () => OtlpOptions::new('http://h:1')->withPeriod(0), 'more than 0'];
        yield 'log level' => [fn () => RuntimeOptions::new()->withLogger(new NullLogger(), 'loud'), 'not a PSR-3 log level'];
    }

    /** @dataProvider badOptions */
    public function testABadOptionIsAValueErrorNamingIt(\Closure $make, string $message): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage($message);
        $make();
    }
}

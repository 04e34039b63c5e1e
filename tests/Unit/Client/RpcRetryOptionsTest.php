<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\RpcRetryOptions;

final class RpcRetryOptionsTest extends TestCase
{
    public function testEverySettingReachesTheConnectOptionsRetryObject(): void
    {
        $options = RpcRetryOptions::new()
            ->withInitialInterval(0.25)
            ->withRandomizationFactor(0.0)
            ->withMultiplier(2.0)
            ->withMaxInterval(4.0)
            ->withMaxElapsedTime(null)
            ->withMaxRetries(3);

        $this->assertSame([
            'initial_interval_ms' => 250,
            'randomization_factor' => 0.0,
            'multiplier' => 2.0,
            'max_interval_ms' => 4000,
            'max_elapsed_time_ms' => null,
            'max_retries' => 3,
        ], $options->toArray());
        $this->assertSame(0.25, $options->getInitialInterval());
        $this->assertNull($options->getMaxElapsedTime());
        $this->assertSame(3, $options->getMaxRetries());
    }

    public function testWithersReturnCopiesAndNoLimitIsNull(): void
    {
        $original = RpcRetryOptions::new();

        $changed = $original->withMaxRetries(null)->withMaxElapsedTime(60);

        $this->assertSame(9, $original->getMaxRetries());
        $this->assertSame(10.0, $original->getMaxElapsedTime());
        $this->assertNull($changed->getMaxRetries());
        $this->assertSame(60.0, $changed->getMaxElapsedTime());
    }

    /**
     * @dataProvider badValues
     * @param \Closure(RpcRetryOptions): RpcRetryOptions $set
     */
    public function testABadValueIsRejectedWithTheOptionsName(\Closure $set, string $named): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage($named);
        $set(RpcRetryOptions::new());
    }

    /** @return array<string, array{\Closure, string}> */
    public static function badValues(): array
    {
        $cases = [];
        foreach (['NaN' => NAN, 'infinity' => INF, 'negative' => -0.5] as $kind => $value) {
            $cases["initial interval $kind"] = [
                fn (RpcRetryOptions $o) => $o->withInitialInterval($value),
                'RpcRetryOptions::withInitialInterval(): the duration must ',
            ];
            $cases["max interval $kind"] = [
                fn (RpcRetryOptions $o) => $o->withMaxInterval($value),
                'RpcRetryOptions::withMaxInterval(): the duration must ',
            ];
            $cases["max elapsed time $kind"] = [
                fn (RpcRetryOptions $o) => $o->withMaxElapsedTime($value),
                'RpcRetryOptions::withMaxElapsedTime(): the duration must ',
            ];
            $cases["multiplier $kind"] = [
                fn (RpcRetryOptions $o) => $o->withMultiplier($value),
                'RpcRetryOptions::withMultiplier(): $multiplier must be a finite number >= 1',
            ];
            $cases["randomization factor $kind"] = [
                fn (RpcRetryOptions $o) => $o->withRandomizationFactor($value),
                'RpcRetryOptions::withRandomizationFactor(): $factor must be in [0, 1]',
            ];
        }
        $cases['multiplier below 1'] = [
            fn (RpcRetryOptions $o) => $o->withMultiplier(0.5),
            'RpcRetryOptions::withMultiplier(): $multiplier must be a finite number >= 1, got 0.5',
        ];
        $cases['randomization factor above 1'] = [
            fn (RpcRetryOptions $o) => $o->withRandomizationFactor(1.5),
            'RpcRetryOptions::withRandomizationFactor(): $factor must be in [0, 1], got 1.5',
        ];
        $cases['negative retries'] = [
            fn (RpcRetryOptions $o) => $o->withMaxRetries(-1),
            'RpcRetryOptions::withMaxRetries(): $retries must not be negative, got -1',
        ];
        return $cases;
    }
}

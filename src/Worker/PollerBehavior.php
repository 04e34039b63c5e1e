<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker;

/**
 * How many polls for one kind of task a worker keeps open: a fixed maximum (the default, 5), or the core's
 * autoscaling, which starts at $initial and moves between $minimum and $maximum on the server's feedback
 * (a poll only starts while a slot is free either way).
 */
final class PollerBehavior
{
    private const MAX_POLLERS = 1000;

    /** @param array{minimum: int, maximum: int, initial: int}|null $autoscaling */
    private function __construct(public readonly int $maximum, private readonly ?array $autoscaling)
    {
    }

    /** @throws \ValueError $maximum is not 1 to 1000 */
    public static function simpleMaximum(int $maximum): self
    {
        self::check('simpleMaximum(): the maximum', $maximum, 1, self::MAX_POLLERS);
        return new self($maximum, null);
    }

    /** @throws \ValueError a bound is out of range: 1 ≤ minimum ≤ initial ≤ maximum ≤ 1000 */
    public static function autoscaling(int $minimum = 1, int $maximum = 100, int $initial = 5): self
    {
        self::check('autoscaling(): the minimum', $minimum, 1, self::MAX_POLLERS);
        self::check('autoscaling(): the maximum', $maximum, $minimum, self::MAX_POLLERS);
        self::check('autoscaling(): the initial number', $initial, $minimum, $maximum);
        return new self($maximum, ['minimum' => $minimum, 'maximum' => $maximum, 'initial' => $initial]);
    }

    public function isAutoscaling(): bool
    {
        return $this->autoscaling !== null;
    }

    /**
     * @internal its fields of the worker options document, named for $kind ("workflow_task", "activity_task")
     * @return array<string, mixed>
     */
    public function toArray(string $kind): array
    {
        return ["{$kind}_pollers" => $this->maximum, "{$kind}_poller_autoscaling" => $this->autoscaling];
    }

    private static function check(string $what, int $value, int $min, int $max): void
    {
        if ($value < $min || $value > $max) {
            throw new \ValueError("PollerBehavior::$what must be $min to $max, got $value");
        }
    }
}

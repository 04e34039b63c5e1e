<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\UpdateValidatorMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * Update handlers that fail as a bug would (a plain \Error) or as the workflow means to (an
 * ApplicationFailure). The counters live in the worker process, across task retries and replays: they count
 * what really ran, which workflow state cannot.
 */
#[WorkflowInterface]
final class UpdateAttemptsWorkflow
{
    /** @var array<string, int> handler runs per key */
    private static array $runs = [];
    /** @var array<string, int> validator runs per key */
    private static array $validations = [];
    private bool $finished = false;

    #[WorkflowMethod(name: 'PhpUpdateAttempts')]
    public function run(): string
    {
        Workflow::await(fn (): bool => $this->finished);
        return 'finished';
    }

    #[UpdateMethod]
    public function failTwiceThenRefuse(string $key): string
    {
        $run = self::count(self::$runs, $key);
        if ($run <= 2) {
            throw new \Error("bug in the update handler, run $run");
        }
        throw ApplicationFailure::create("refused on run $run", 'Refused', nonRetryable: true);
    }

    #[UpdateMethod]
    public function failOnceThenSucceed(string $key): string
    {
        $run = self::count(self::$runs, $key);
        if ($run === 1) {
            throw new \Error("bug in the update handler, run $run");
        }
        return "succeeded on run $run";
    }

    #[UpdateMethod]
    public function validated(string $key): string
    {
        return "validated $key";
    }

    #[UpdateValidatorMethod(forUpdate: 'validated')]
    public function validateValidated(string $key): void
    {
        self::count(self::$validations, $key);
    }

    #[QueryMethod]
    public function runs(string $key): int
    {
        return self::$runs[$key] ?? 0;
    }

    #[QueryMethod]
    public function validations(string $key): int
    {
        return self::$validations[$key] ?? 0;
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finished = true;
    }

    /** @param array<string, int> $counters */
    private static function count(array &$counters, string $key): int
    {
        return $counters[$key] = ($counters[$key] ?? 0) + 1;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Holds $mebibytes of state until the signal "finish", then returns its length and digest (rebuilt if replayed). */
#[WorkflowInterface]
final class BigStateWorkflow
{
    private string $state = '';
    private bool $finished = false;

    #[WorkflowMethod(name: 'PhpBigState')]
    public function run(int $mebibytes, string $fill): array
    {
        $this->state = str_repeat($fill, $mebibytes << 20);
        Workflow::await(fn (): bool => $this->finished);
        return [\strlen($this->state), md5($this->state)];
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finished = true;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Testing\Fixtures;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Waits for a name by signal, then greets it through an activity. */
#[WorkflowInterface]
final class GreetingWorkflow
{
    private ?string $name = null;

    #[WorkflowMethod(name: 'EnvGreeting')]
    public function run(string $greeting): string
    {
        Workflow::await(fn (): bool => $this->name !== null);
        return Workflow::executeActivity('env.greet', [$greeting, $this->name],
            ActivityOptions::new()->withStartToCloseTimeout(10));
    }

    #[SignalMethod(name: 'name')]
    public function setName(string $name): void
    {
        $this->name = $name;
    }
}

<?php

// The workflow of the TLS scenario: an activity, a timer and a signal, so every kind of call (long polls,
// task completions, a signal from the client) goes through the TLS proxy.

declare(strict_types=1);

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class TlsRoundTrip
{
    private ?string $suffix = null;

    #[WorkflowMethod(name: 'TlsRoundTrip')]
    public function run(string $name): string
    {
        $greeting = Workflow::executeActivity(
            'tls.greet',
            [$name],
            ActivityOptions::new()
                ->withStartToCloseTimeout(30)
                ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(5)->withInitialInterval(1)),
        );
        Workflow::sleep(0.5);
        Workflow::await(fn (): bool => $this->suffix !== null);
        return $greeting . $this->suffix;
    }

    #[SignalMethod(name: 'finish')]
    public function finish(string $suffix): void
    {
        $this->suffix = $suffix;
    }
}

/** The activity: records each execution on stdout, so the scenario counts duplicates and retries. */
function tlsGreet(string $name): string
{
    $info = Activity::getInfo();
    echo "activity tls.greet workflow={$info->workflowId} attempt={$info->attempt}\n";
    return "hello, $name";
}

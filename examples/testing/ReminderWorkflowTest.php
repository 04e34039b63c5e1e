<?php

declare(strict_types=1);

namespace Example\Testing;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Testing\ActivityEnvironment;
use TrueAsync\Temporal\Testing\TestServerOptions;
use TrueAsync\Temporal\Testing\WorkflowEnvironment;
use TrueAsync\Temporal\Testing\WorkflowEnvironmentTrait;

require_once __DIR__ . '/Reminder.php';

/**
 * The README's testing example, run by `make test`: a 30-day timer and a signal tested in seconds on the
 * time-skipping test server, and an activity's heartbeats, cancellation and retry without any server.
 */
final class ReminderWorkflowTest extends TestCase
{
    use WorkflowEnvironmentTrait;

    protected static function createWorkflowEnvironment(): WorkflowEnvironment
    {
        // make test resolves the server's jars (scripts/install-deps.sh); elsewhere set TEMPORAL_TEST_SERVER_CLASSPATH.
        $classpath = \dirname(__DIR__, 2) . '/build/test-server.classpath';
        return WorkflowEnvironment::startTimeSkipping(is_file($classpath)
            ? TestServerOptions::new()->withClasspath(trim(file_get_contents($classpath)))
            : TestServerOptions::new());
    }

    public function testTheReminderGoesOutAfterThirtyDays(): void
    {
        $env = self::workflowEnvironment();
        $env->newWorker('reminders')->registerWorkflowTypes(ReminderWorkflow::class)
            ->registerActivity(new Reminders());

        $result = $env->run(fn () => $env->getClient()
            ->start('Reminder', ['ada@example.com'], $this->options())->result(timeoutSeconds: 60));

        self::assertSame('reminded 1', $result);
    }

    public function testARenewalCancelsTheReminder(): void
    {
        $env = self::workflowEnvironment();
        $env->newWorker('reminders')->registerWorkflowTypes(ReminderWorkflow::class)
            ->registerActivity(new Reminders());

        $result = $env->run(function () use ($env): string {
            $handle = $env->getClient()->start('Reminder', ['ada@example.com'], $this->options());
            $env->sleep(7 * 86400);   // a week later
            $handle->signal('renew');
            return $handle->result(timeoutSeconds: 60);
        });

        self::assertSame('ada@example.com renewed', $result);
    }

    public function testTheActivityHeartbeatsEachMailAndARetryResumesAfterTheLast(): void
    {
        $customers = ['a@example.com', 'b@example.com', 'c@example.com'];
        $env = ActivityEnvironment::create()->withActivityType('Reminders.send')->withHeartbeatListener(
            fn (array $details, ActivityEnvironment $env) => $details === [2] ? $env->cancel() : null,
        );

        try {
            $env->run([new Reminders(), 'send'], $customers);
            self::fail('the activity was not cancelled');
        } catch (ActivityCanceledException) {
            self::assertSame([[1], [2]], $env->getHeartbeats());
        }

        $retry = $env->nextAttempt()->withHeartbeatListener(static fn () => null);
        self::assertSame('reminded 3', $retry->run([new Reminders(), 'send'], $customers));
        self::assertSame([[3]], $retry->getHeartbeats(), 'the retry sent only the last mail');
    }

    private function options(): WorkflowOptions
    {
        return WorkflowOptions::new()->withTaskQueue('reminders')->withWorkflowId('reminder-' . bin2hex(random_bytes(4)));
    }
}

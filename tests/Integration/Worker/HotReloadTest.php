<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * WorkerFactory::runWithReload() on a live worker (Fixtures/reload-worker.php), whose workflow file the test
 * rewrites while a run of it waits for a signal: the replay check decides whether the worker takes the new code.
 */
final class HotReloadTest extends ServerTestCase
{
    private const RELOAD_DEADLINE_S = 120.0;

    private string $dir;

    protected function setUp(): void
    {
        $this->dir = sys_get_temp_dir() . '/php-temporal-reload-test-' . bin2hex(random_bytes(4));
        mkdir($this->dir);
    }

    protected function tearDown(): void
    {
        array_map('unlink', glob("$this->dir/*") ?: []);
        rmdir($this->dir);
    }

    public function testACompatibleEditReloadsAndAnIncompatibleOneIsRefusedWithTheReportAndNoTaskIsLost(): void
    {
        $this->writeWorkflow('v1', self::activityThenSignal('v1'));
        [$worker, $queue] = $this->startWorker();
        $handle = null;
        try {
            $worker->waitFor('worker ready v1');
            $pid = $worker->pid();
            $handle = self::client()->start('PhpReloaded', ['world'], WorkflowOptions::new()->withTaskQueue($queue)
                ->withWorkflowId(self::uniqueId('reloaded')));
            self::assertSame('waiting', self::eventuallyAccepted(fn () => $handle->query('stage'), fn ($s) => $s === 'waiting'));

            $this->writeWorkflow('v2', self::activityThenSignal('v2'));  // what happens after the wait changed
            $worker->waitFor('worker ready v2', self::RELOAD_DEADLINE_S);
            self::assertStringContainsString('hot reload: 1 runs replayed on the new code; restarting on it', $worker->output());
            self::assertSame($pid, $worker->pid(), 'the worker restarted in its own process (exec), not in another');

            $this->writeWorkflow('v3', "Workflow::sleep(1);\n" . self::activityThenSignal('v3'));  // a timer first
            $worker->waitFor('hot reload refused', self::RELOAD_DEADLINE_S);
            $output = $worker->output();
            self::assertStringContainsString("workflow {$handle->getId()} (run {$handle->getRunId()}) "
                . 'would not replay on the new code; the old code keeps running', $output);
            self::assertStringContainsString("likely change: activity 'reload.greet' (event 5) is no longer scheduled: "
                . "the code went on to timer ($this->dir/ReloadedWorkflow.php:", $output);
            self::assertStringNotContainsString('worker ready v3', $output);

            $handle->signal('go');
            self::assertSame('v2: hello world', $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        } finally {
            self::terminateIfRunning($handle);
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    public function testCodeThatDoesNotLoadIsRefusedWithTheErrorAndTheOldCodeKeepsRunning(): void
    {
        $this->writeWorkflow('v1', self::activityThenSignal('v1'));
        [$worker, $queue] = $this->startWorker();
        try {
            $worker->waitFor('worker ready v1');
            // A query answered: the worker runs, so the watcher took its first snapshot before the file broke.
            $handle = self::client()->start('PhpReloaded', ['again'], WorkflowOptions::new()->withTaskQueue($queue));
            self::assertSame('waiting', self::eventuallyAccepted(fn () => $handle->query('stage'), fn ($s) => $s === 'waiting'));
            file_put_contents("$this->dir/ReloadedWorkflow.php", "<?php\nclass {\n");
            $worker->waitFor('hot reload refused: the new code did not load', self::RELOAD_DEADLINE_S);
            self::assertStringContainsString('PHP Parse error', $worker->output());

            // The worker never stopped: it runs version 1, loaded before the file broke.
            $handle->signal('go');
            self::assertSame('v1: hello again', $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        } finally {
            self::assertSame(0, $worker->stop(), $worker->output());
        }
    }

    /** @return array{ChildProcess, string} */
    private function startWorker(): array
    {
        $queue = 'reload-' . bin2hex(random_bytes(4));
        return [ChildProcess::php(__DIR__ . '/Fixtures/reload-worker.php', [$queue, $this->dir], "php-reload-$queue"), $queue];
    }

    private static function activityThenSignal(string $version): string
    {
        return <<<PHP
            \$greeting = Workflow::executeActivity('reload.greet', [\$name], ActivityOptions::new()->withStartToCloseTimeout(30));
            \$this->stage = 'waiting';
            Workflow::await(fn (): bool => \$this->go);
            return '$version: ' . \$greeting;
            PHP;
    }

    private function writeWorkflow(string $version, string $body): void
    {
        $source = <<<PHP
            <?php

            declare(strict_types=1);

            namespace TrueAsync\\Temporal\\Tests\\Integration\\Worker\\Reloaded;

            use TrueAsync\\Temporal\\Workflow;
            use TrueAsync\\Temporal\\Workflow\\ActivityOptions;
            use TrueAsync\\Temporal\\Workflow\\QueryMethod;
            use TrueAsync\\Temporal\\Workflow\\SignalMethod;
            use TrueAsync\\Temporal\\Workflow\\WorkflowInterface;
            use TrueAsync\\Temporal\\Workflow\\WorkflowMethod;

            #[WorkflowInterface]
            final class ReloadedWorkflow
            {
                public const VERSION = '$version';
                private bool \$go = false;
                private string \$stage = 'started';

                #[WorkflowMethod(name: 'PhpReloaded')]
                public function run(string \$name): string
                {
            $body
                }

                #[SignalMethod]
                public function go(): void
                {
                    \$this->go = true;
                }

                #[QueryMethod]
                public function stage(): string
                {
                    return \$this->stage;
                }
            }

            PHP;
        // Written beside, then renamed over: the watcher never reads half a file.
        file_put_contents("$this->dir/ReloadedWorkflow.php.tmp", $source);
        rename("$this->dir/ReloadedWorkflow.php.tmp", "$this->dir/ReloadedWorkflow.php");
    }

    private static function terminateIfRunning(?WorkflowHandle $handle): void
    {
        try {
            $handle?->terminate('test done');
        } catch (\Throwable) {
            // it completed
        }
    }
}

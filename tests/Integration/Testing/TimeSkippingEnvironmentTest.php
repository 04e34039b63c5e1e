<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Testing;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Testing\TestServerOptions;
use TrueAsync\Temporal\Testing\WorkflowEnvironment;
use TrueAsync\Temporal\Tests\Integration\Testing\Fixtures\MonthLongWorkflow;

/**
 * WorkflowEnvironment::startTimeSkipping() on Temporal's Java test server (its classpath from
 * scripts/install-deps.sh): a workflow that waits 30 days for a signal ends as soon as the test waits for its
 * result, with 30 days of workflow time gone; a signal ends it early; sleep() moves the server's clock.
 */
final class TimeSkippingEnvironmentTest extends TestCase
{
    private const QUEUE = 'time-skipping';

    private static WorkflowEnvironment $env;

    public static function setUpBeforeClass(): void
    {
        $file = \dirname(__DIR__, 3) . '/build/test-server.classpath';
        if (!is_file($file) || trim((string) shell_exec('command -v java')) === '') {
            self::markTestSkipped('no Java or no build/test-server.classpath: scripts/install-deps.sh sets them up');
        }
        self::$env = WorkflowEnvironment::startTimeSkipping(
            TestServerOptions::new()->withClasspath(trim((string) file_get_contents($file))),
        );
    }

    public static function tearDownAfterClass(): void
    {
        if (isset(self::$env)) {
            self::$env->shutdown();
        }
    }

    public function testAThirtyDayWaitEndsWhileTheTestWaitsForTheResult(): void
    {
        self::$env->newWorker(self::QUEUE)->registerWorkflowTypes(MonthLongWorkflow::class);
        $before = self::$env->getCurrentTime();

        $result = self::$env->run(fn () => self::$env->getClient()->start('MonthLong', [], $this->options('month'))
            ->result(timeoutSeconds: 120));

        self::assertFalse($result['approved']);
        // Whole seconds of workflow time: the timer fires at start + 30 days, and the activation that sees it may
        // be stamped a moment later, which can cross a second boundary.
        self::assertGreaterThanOrEqual(MonthLongWorkflow::DAYS * 86400, $result['waited']);
        self::assertLessThan(MonthLongWorkflow::DAYS * 86400 + 60, $result['waited']);
        self::assertGreaterThanOrEqual(MonthLongWorkflow::DAYS * 86400,
            self::$env->getCurrentTime()->getTimestamp() - $before->getTimestamp());
        self::assertTrue(self::$env->supportsTimeSkipping());
    }

    public function testASignalEndsTheWaitBeforeTheMonthIsOver(): void
    {
        self::$env->newWorker(self::QUEUE)->registerWorkflowTypes(MonthLongWorkflow::class);

        $result = self::$env->run(function (): array {
            $handle = self::$env->getClient()->start('MonthLong', [], $this->options('approved'));
            $handle->signal('approve');
            return $handle->result(timeoutSeconds: 120);
        });

        self::assertTrue($result['approved']);
        self::assertLessThan(MonthLongWorkflow::DAYS * 86400, $result['waited']);
    }

    public function testSleepMovesTheServersClockAtOnce(): void
    {
        $before = self::$env->getCurrentTime();
        self::$env->sleep(3600);
        self::assertGreaterThanOrEqual(3600, self::$env->getCurrentTime()->getTimestamp() - $before->getTimestamp());
    }

    public function testWithoutAClasspathTheErrorSaysWhereToGiveIt(): void
    {
        putenv('TEMPORAL_TEST_SERVER_CLASSPATH');
        $this->expectException(\RuntimeException::class);
        $this->expectExceptionMessage('TEMPORAL_TEST_SERVER_CLASSPATH');
        WorkflowEnvironment::startTimeSkipping();
    }

    private function options(string $id): WorkflowOptions
    {
        return WorkflowOptions::new()->withTaskQueue(self::QUEUE)->withWorkflowId($id . '-' . bin2hex(random_bytes(4)));
    }
}

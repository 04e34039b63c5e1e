<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Testing;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Exception\ActivityCanceledException;
use TrueAsync\Temporal\Exception\ActivityCancelReason;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Metrics\MetricMeter;
use TrueAsync\Temporal\Testing\ActivityEnvironment;
use TrueAsync\Temporal\Tests\Unit\DataConverter\Fixtures\Customer;
use TrueAsync\Temporal\Tests\Unit\RefusesBadValues;

/** An activity that heartbeats its progress and resumes from the details of a previous attempt. */
final class Importer
{
    /** @return array{int, int} [the row it started from, the rows it imported] */
    public function import(int $rows): array
    {
        $from = Activity::getHeartbeatDetails('int') ?? 0;
        for ($row = $from; $row < $rows; $row++) {
            if (Activity::isWorkerShuttingDown()) {
                return [$from, $row - $from];
            }
            Activity::heartbeat($row, "row $row");
        }
        return [$from, $rows - $from];
    }
}

final class ActivityEnvironmentTest extends TestCase
{
    use RefusesBadValues;

    public function testReturnsTheResultThroughTheConverterWithArgumentsDecodedIntoTheParameterTypes(): void
    {
        $greet = static fn (Customer $customer, float $factor): array => [$customer->name, $customer->age * $factor];

        $result = ActivityEnvironment::create()->run($greet, new Customer('Zoë', 40), 2);

        self::assertSame(['Zoë', 80.0], $result, 'the Customer and the 2 reach it decoded as Customer and float');
    }

    public function testDecodesTheResultAsTheResultType(): void
    {
        $env = ActivityEnvironment::create()->withResultType(Customer::class);

        self::assertEquals(new Customer('Ann', 7), $env->run(static fn (): array => ['name' => 'Ann', 'age' => 7]));
    }

    public function testRunsAnObjectMethod(): void
    {
        self::assertSame([0, 2], ActivityEnvironment::create()->run([new Importer(), 'import'], 2));
    }

    public function testRethrowsTheActivitysException(): void
    {
        $thrown = new \DomainException('card declined');

        try {
            ActivityEnvironment::create()->run(static fn () => throw $thrown);
            self::fail('run() returned');
        } catch (\DomainException $e) {
            self::assertSame($thrown, $e);
        }
    }

    public function testAnArgumentTheConverterRefusesIsADataConverterException(): void
    {
        $this->expectException(DataConverterException::class);
        ActivityEnvironment::create()->run(static fn ($x) => $x, \STDERR);
    }

    public function testTheActivitySeesTheDefaultInfo(): void
    {
        $info = ActivityEnvironment::create()->run(static fn (): array => self::describe(Activity::getInfo()));

        self::assertSame(['TestActivity', 'test-activity-id', 1, 'test', 'default', 'TestWorkflow',
            'test-workflow-id', 'test-run-id', 'test-task-token', null, false], $info);
    }

    public function testTheActivitySeesTheInfoSetOnTheEnvironment(): void
    {
        $env = ActivityEnvironment::create()->withActivityType('charge')->withActivityId('a-9')->withAttempt(3)
            ->withTaskQueue('billing')->withNamespace('prod')->withWorkflow('Order', 'order-42', 'run-1')
            ->withTaskToken('tok')->withHeartbeatTimeout(1.5);

        $info = $env->run(static fn (): array => self::describe(Activity::getInfo()));

        self::assertSame(['charge', 'a-9', 3, 'billing', 'prod', 'Order', 'order-42', 'run-1', 'tok', 1.5, false],
            $info);
        self::assertSame(1, ActivityEnvironment::create()->getInfo()->attempt, 'with*() changes a copy only');
    }

    public function testAMetricMeterLabelledWithTheActivity(): void
    {
        $attributes = ActivityEnvironment::create()->run(static function (): array {
            $meter = Activity::getMetricMeter();
            $meter->createCounter('charges_total')->add(1);
            return (new \ReflectionProperty(MetricMeter::class, 'attributes'))->getValue($meter);
        });

        self::assertSame(['namespace' => 'default', 'task_queue' => 'test', 'activity_type' => 'TestActivity'],
            $attributes);
    }

    public function testRecordsEachHeartbeatWithItsDecodedDetails(): void
    {
        $env = ActivityEnvironment::create();

        $env->run(static function (): void {
            Activity::heartbeat();
            Activity::heartbeat(1, 'one');
            Activity::heartbeat(new Customer('Ann', 7));
        });

        self::assertSame([[], [1, 'one'], [['name' => 'Ann', 'age' => 7]]], $env->getHeartbeats());
    }

    public function testCancelAtTheThirdHeartbeatThrowsAtThatHeartbeatWithTheServersReason(): void
    {
        $env = ActivityEnvironment::create()->withHeartbeatListener(
            static fn (array $details, ActivityEnvironment $env) => \count($env->getHeartbeats()) === 3
                ? $env->cancel() : null,
        );

        try {
            $env->run([new Importer(), 'import'], 10);
            self::fail('the activity was not cancelled');
        } catch (ActivityCanceledException $e) {
            self::assertSame(ActivityCancelReason::CANCELLED, $e->getReason());
        }
        self::assertSame([[0, 'row 0'], [1, 'row 1'], [2, 'row 2']], $env->getHeartbeats());
    }

    public function testCancelGivesTheReasonAskedFor(): void
    {
        $env = ActivityEnvironment::create()->withResultType(ActivityCancelReason::class)->withHeartbeatListener(
            static fn (array $details, ActivityEnvironment $env) => $env->cancel(ActivityCancelReason::TIMED_OUT),
        );

        $reason = $env->run(static function (): ActivityCancelReason {
            try {
                Activity::heartbeat();
            } catch (ActivityCanceledException $e) {
                return $e->getReason();  // cleanup an activity may do before it stops
            }
            return ActivityCancelReason::NOT_FOUND;
        });

        self::assertSame(ActivityCancelReason::TIMED_OUT, $reason);
    }

    public function testACancelBetweenRunsCancelsTheNextRunOnly(): void
    {
        $env = ActivityEnvironment::create();
        $env->cancel();
        $heartbeat = static function (): string {
            Activity::heartbeat();
            return 'done';
        };

        try {
            $env->run($heartbeat);
            self::fail('the activity was not cancelled');
        } catch (ActivityCanceledException $e) {
            self::assertSame(ActivityCancelReason::CANCELLED, $e->getReason());
        }
        self::assertSame('done', $env->run($heartbeat));
    }

    public function testTheWorkerShutdownNoticeReachesTheActivity(): void
    {
        $env = ActivityEnvironment::create()->withHeartbeatListener(
            static fn (array $details, ActivityEnvironment $env) => $details[0] === 3 ? $env->shutdownWorker() : null,
        );

        self::assertSame([0, 4], $env->run([new Importer(), 'import'], 10), 'it stops after row 3, not cancelled');
        self::assertCount(4, $env->getHeartbeats());
    }

    public function testAwaitWorkerShutdown(): void
    {
        $await = static fn (?float $timeout): bool => Activity::awaitWorkerShutdown($timeout);
        $env = ActivityEnvironment::create();

        self::assertFalse($env->run($await, 30.0), 'no time passes: the timeout ends the wait at once');
        $env->shutdownWorker();
        self::assertTrue($env->run($await, null));
        self::assertFalse($env->run(static fn (): bool => Activity::isWorkerShuttingDown()), 'that run only');

        $this->expectException(\LogicException::class);
        $this->expectExceptionMessage('would wait forever');
        $env->run($await, null);
    }

    public function testASecondAttemptReadsTheDetailsOfThePreviousOnesLastHeartbeat(): void
    {
        $env = ActivityEnvironment::create()->withHeartbeatListener(
            static fn (array $details, ActivityEnvironment $env) => $details[0] === 3 && $env->getInfo()->attempt === 1
                ? $env->cancel() : null,
        );
        try {
            $env->run([new Importer(), 'import'], 10);
        } catch (ActivityCanceledException) {
        }

        $retry = $env->nextAttempt();
        $explicit = ActivityEnvironment::create()->withAttempt(2)->withHeartbeatDetails(3, 'row 3');

        self::assertSame(2, $retry->getInfo()->attempt);
        self::assertSame([3, 7], $retry->run([new Importer(), 'import'], 10));
        self::assertSame([3, 7], $explicit->run([new Importer(), 'import'], 10));
        self::assertSame([0, 10], ActivityEnvironment::create()->run([new Importer(), 'import'], 10));
    }

    public function testDoNotCompleteOnReturnReturnsNull(): void
    {
        $env = ActivityEnvironment::create();

        self::assertNull($env->run(static function (): string {
            Activity::doNotCompleteOnReturn();
            return 'ignored';
        }));
        self::assertTrue($env->completesAsync());
    }

    public function testActivityCallsOutsideTheEnvironmentStillThrowLogicException(): void
    {
        $env = ActivityEnvironment::create();
        $nested = $env->run(static function (): string {
            $fiber = new \Fiber(static function (): string {
                try {
                    Activity::getInfo();
                    return 'found a context';
                } catch (\LogicException $e) {
                    return $e->getMessage();
                }
            });
            $fiber->start();
            return $fiber->getReturn();
        });

        self::assertStringContainsString('only inside an activity', $nested, 'a Fiber of its own is not the activity');
        $this->expectException(\LogicException::class);
        Activity::heartbeat('after the run, in the test');
    }

    public function testAnActivityThatSuspendsItsFiberIsALogicException(): void
    {
        $this->expectException(\LogicException::class);
        $this->expectExceptionMessage('suspended its Fiber');
        ActivityEnvironment::create()->run(static fn () => \Fiber::suspend());
    }

    public function testRefusesBadSettings(): void
    {
        $env = ActivityEnvironment::create();
        self::assertEachRefused([
            'attempts count from 1' => static fn () => $env->withAttempt(0),
            'withActivityType(): the value must not be empty' => static fn () => $env->withActivityType(''),
            'withHeartbeatTimeout(): the duration must not be negative'
                => static fn () => $env->withHeartbeatTimeout(-1),
        ]);
    }

    /** @return list<mixed> */
    private static function describe(ActivityInfo $info): array
    {
        return [$info->activityType, $info->activityId, $info->attempt, $info->taskQueue, $info->workflowNamespace,
            $info->workflowType, $info->workflowId, $info->workflowRunId, $info->taskToken, $info->heartbeatTimeout,
            $info->isLocal];
    }
}

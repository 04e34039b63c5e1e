<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Schedule;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\Schedule\Schedule;
use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Client\Schedule\ScheduleDescription;
use TrueAsync\Temporal\Client\Schedule\ScheduleHandle;
use TrueAsync\Temporal\Client\Schedule\ScheduleIntervalSpec;
use TrueAsync\Temporal\Client\Schedule\ScheduleOverlapPolicy;
use TrueAsync\Temporal\Client\Schedule\ScheduleSpec;
use TrueAsync\Temporal\Interceptor\ScheduleClient\CreateScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UpdateScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClientCallsInterceptor;
use TrueAsync\Temporal\Interceptor\Trait\ScheduleClientCallsInterceptorTrait;
use TrueAsync\Temporal\Tests\Integration\Client\Interceptor\CountingInterceptor;

/** ScheduleClientCallsInterceptor around the calls of ScheduleClient and ScheduleHandle. */
final class ScheduleInterceptorTest extends ScheduleTestCase
{
    public function testEveryScheduleHookIsCalledOnceByItsOwnOperationAndNoOtherHook(): void
    {
        $counter = new CountingInterceptor();
        $schedules = self::client()->withInterceptors($counter)->schedules();
        $minute = new \DateTimeImmutable('2024-01-01T00:00:00Z');

        $create = fn (): ScheduleHandle => $this->create(self::pausedEchoSchedule(), null, $schedules);
        $handle = $counter->once('createSchedule', $create);
        $query = "ScheduleId = '{$handle->getId()}'";
        $counter->once('listSchedules', fn (): array => iterator_to_array($schedules->listSchedules($query)));
        $this->assertSame($handle->getId(), $counter->once('describeSchedule', fn () => $handle->describe())->getId());
        $twoHourly = ScheduleSpec::new()->withIntervals(new ScheduleIntervalSpec(7200));
        $replaced = $counter->once('updateSchedule', fn (): bool => $handle->update(
            fn (ScheduleDescription $d): Schedule => $d->getSchedule()->withSpec($twoHourly),
        ));
        $this->assertTrue($replaced, 'update() described the schedule without the describe hook');
        $counter->once('unpauseSchedule', fn () => $handle->unpause());
        $counter->once('pauseSchedule', fn () => $handle->pause());
        // AllowAll: under the default Skip the trigger is skipped when the backfill's run starts first and is running
        $counter->once('triggerSchedule', fn () => $handle->trigger(ScheduleOverlapPolicy::AllowAll));
        $backfill = new ScheduleBackfill($minute, $minute, ScheduleOverlapPolicy::AllowAll);
        $counter->once('backfillSchedule', fn () => $handle->backfill($backfill));
        self::awaitActionCount($handle, 2);
        $counter->once('deleteSchedule', fn () => $handle->delete());

        $counter->assertEveryHookOf(ScheduleClientCallsInterceptor::class);
    }

    public function testTheWorkflowsAScheduleStartsCarryTheHeaderOfItsCreateOrUpdate(): void
    {
        $tenant = new class () implements ScheduleClientCallsInterceptor {
            use ScheduleClientCallsInterceptorTrait;

            public function createSchedule(CreateScheduleInput $input, callable $next): ScheduleHandle
            {
                return $next($input->withHeader($input->header->withValue('tenant', 'created')));
            }

            public function updateSchedule(UpdateScheduleInput $input, callable $next): bool
            {
                return $next($input->withHeader($input->header->withValue('tenant', 'updated')));
            }
        };
        $schedules = self::client()->withInterceptors($tenant)->schedules();
        $handle = $this->create(self::pausedEchoSchedule(['x']), null, $schedules);
        $minute = new \DateTimeImmutable('2024-01-01T00:00:00Z');

        $handle->backfill(new ScheduleBackfill($minute, $minute, ScheduleOverlapPolicy::AllowAll));
        $first = self::awaitActionCount($handle, 1)->getInfo()->getRecentActions()[0]->getWorkflow();
        $note = fn (ScheduleDescription $d): string => $d->getSchedule()->getState()->getNote();
        $handle->update(fn (ScheduleDescription $d): Schedule => $d->getSchedule()->withState(
            $d->getSchedule()->getState()->withPaused(true, 'updated'),
        ));
        self::describeUntil($handle, fn (ScheduleDescription $d): bool => $note($d) === 'updated');
        $later = $minute->modify('+1 hour'); // the spec acts on the hour
        $handle->backfill(new ScheduleBackfill($later, $later, ScheduleOverlapPolicy::AllowAll));
        $second = self::awaitActionCount($handle, 2)->getInfo()->getRecentActions()[1]->getWorkflow();

        $this->assertSame('created', self::startedHeaderValue($first->getWorkflowId(), $first->getRunId(), 'tenant'));
        $this->assertSame('updated', self::startedHeaderValue($second->getWorkflowId(), $second->getRunId(), 'tenant'));
    }

    private static function startedHeaderValue(string $workflowId, ?string $runId, string $name): mixed
    {
        $event = self::client()->getHandle($workflowId, $runId)->fetchHistory()->getEvents()[0];
        self::assertSame(EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, $event->getEventType());
        $payload = $event->getWorkflowExecutionStartedEventAttributes()->getHeader()?->getFields()[$name] ?? null;
        self::assertNotNull($payload, "the started event's header has no \"$name\"");
        return self::client()->getDataConverter()->fromPayload($payload);
    }
}

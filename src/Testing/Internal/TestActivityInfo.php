<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing\Internal;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Api\Common\V1\WorkflowExecution;
use TrueAsync\Temporal\Api\Coresdk\ActivityTask\Start;
use TrueAsync\Temporal\Internal\ProtoTime;

/**
 * Makes the ActivityInfo of a test attempt the way the worker does, from the task the server would send
 * (ActivityInfo::fromStart()), so a test sees exactly the info a worker would give.
 *
 * @internal
 */
final class TestActivityInfo
{
    private const TIMEOUT_SETTERS = [
        'scheduleToCloseTimeout' => 'setScheduleToCloseTimeout',
        'startToCloseTimeout' => 'setStartToCloseTimeout',
        'heartbeatTimeout' => 'setHeartbeatTimeout',
    ];

    /** The info of ActivityEnvironment::create(): a first attempt on task queue "test" of namespace "default". */
    public static function default(): ActivityInfo
    {
        $now = new \DateTimeImmutable('now', new \DateTimeZone('UTC'));
        return self::build([
            'taskToken' => 'test-task-token',
            'activityId' => 'test-activity-id',
            'activityType' => 'TestActivity',
            'taskQueue' => 'test',
            'attempt' => 1,
            'workflowNamespace' => 'default',
            'workflowType' => 'TestWorkflow',
            'workflowId' => 'test-workflow-id',
            'workflowRunId' => 'test-run-id',
            'scheduleToCloseTimeout' => null,
            'startToCloseTimeout' => null,
            'heartbeatTimeout' => null,
            'scheduledTime' => $now,
            'startedTime' => $now,
            'isLocal' => false,
        ]);
    }

    /**
     * $info with $changes applied.
     *
     * @param array<string, mixed> $changes new values by ActivityInfo property name
     */
    public static function with(ActivityInfo $info, array $changes): ActivityInfo
    {
        return self::build($changes + get_object_vars($info));
    }

    /** @param array<string, mixed> $fields every ActivityInfo property, by name */
    private static function build(array $fields): ActivityInfo
    {
        $start = new Start([
            'workflow_namespace' => $fields['workflowNamespace'],
            'workflow_type' => $fields['workflowType'],
            'workflow_execution' => new WorkflowExecution([
                'workflow_id' => $fields['workflowId'],
                'run_id' => $fields['workflowRunId'],
            ]),
            'activity_id' => $fields['activityId'],
            'activity_type' => $fields['activityType'],
            'attempt' => $fields['attempt'],
            'is_local' => $fields['isLocal'],
        ]);
        foreach (['scheduledTime' => 'setScheduledTime', 'startedTime' => 'setStartedTime'] as $field => $setter) {
            if ($fields[$field] !== null) {
                $start->{$setter}(ProtoTime::toTimestamp($fields[$field]));
            }
        }
        foreach (self::TIMEOUT_SETTERS as $field => $setter) {
            if ($fields[$field] !== null) {
                $start->{$setter}(ProtoTime::toDuration($fields[$field]));
            }
        }
        return ActivityInfo::fromStart($fields['taskToken'], $fields['taskQueue'], $start);
    }
}

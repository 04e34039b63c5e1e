<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client\Schedule;

use TrueAsync\Temporal\Client\WorkflowOptions;

/**
 * What a schedule does when due: start a workflow of this type with these arguments and options. The
 * options need a workflow id and a task queue; the server appends the scheduled time to the id of each
 * workflow it starts ("my-id-2026-01-01T00:00:00Z"), so runs never clash. Of the options, the start delay
 * and the id conflict policy do not apply to a scheduled start (the schedule's overlap policy decides).
 */
final class ScheduleAction
{
    /**
     * @param array<mixed> $args
     * @throws \ValueError $workflowType is empty, or $options has no workflow id or task queue
     */
    private function __construct(private string $workflowType, private array $args, private WorkflowOptions $options)
    {
        if ($workflowType === '') {
            throw new \ValueError('ScheduleAction: the workflow type must not be empty');
        }
        if (($options->getWorkflowId() ?? '') === '' || ($options->getTaskQueue() ?? '') === '') {
            throw new \ValueError('ScheduleAction: WorkflowOptions needs a workflow id and a task queue');
        }
        if ($options->isEagerStart()) {
            throw new \ValueError('ScheduleAction: WorkflowOptions::withEagerStart() applies only to Client::start()');
        }
    }

    /**
     * @param array<mixed> $args the workflow's arguments, in order
     * @throws \ValueError $workflowType is empty, or $options has no workflow id or task queue
     */
    public static function startWorkflow(string $workflowType, array $args, WorkflowOptions $options): self
    {
        return new self($workflowType, array_values($args), $options);
    }

    /** A copy with other arguments. */
    public function withArgs(array $args): self
    {
        return new self($this->workflowType, array_values($args), $this->options);
    }

    /** A copy with other options. */
    public function withOptions(WorkflowOptions $options): self
    {
        return new self($this->workflowType, $this->args, $options);
    }

    public function getWorkflowType(): string
    {
        return $this->workflowType;
    }

    /** @return list<mixed> as given, or as the data converter decoded them to their natural values */
    public function getArgs(): array
    {
        return $this->args;
    }

    public function getOptions(): WorkflowOptions
    {
        return $this->options;
    }
}

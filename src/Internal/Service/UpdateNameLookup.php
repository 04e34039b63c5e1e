<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * Finds an update's name in its run's history, for a handle rebuilt from the update id alone
 * (WorkflowHandle::getUpdateHandle()): the outcome the server returns does not carry the name. Only read
 * when the update failed, to name it in WorkflowUpdateFailedException.
 *
 * @internal
 */
final class UpdateNameLookup
{
    public function __construct(private WorkflowService $service)
    {
    }

    /** The name of the accepted update $updateId; '' when the history does not have it (any more). */
    public function find(WorkflowExecution $execution, string $updateId): string
    {
        try {
            $history = (new HistoryFetcher($this->service))->fetch($execution);
        } catch (TemporalException) {
            // The failure being reported matters more than its name.
            return '';
        }
        foreach ($history->getEvents() as $event) {
            $request = $event->getWorkflowExecutionUpdateAcceptedEventAttributes()?->getAcceptedRequest()
                ?? $event->getWorkflowExecutionUpdateAdmittedEventAttributes()?->getRequest();
            if ($request?->getMeta()?->getUpdateId() === $updateId) {
                return $request->getInput()?->getName() ?? '';
            }
        }
        return '';
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Enums\V1\UpdateWorkflowExecutionLifecycleStage as Stage;
use TrueAsync\Temporal\Api\Update\V1\Outcome;
use TrueAsync\Temporal\Api\Update\V1\UpdateRef;
use TrueAsync\Temporal\Api\Update\V1\WaitPolicy;
use TrueAsync\Temporal\Api\Workflowservice\V1\PollWorkflowExecutionUpdateRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\PollWorkflowExecutionUpdateResponse;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Exception\WorkflowResultTimeoutException;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;
use TrueAsync\Temporal\Internal\Deadline;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Service\UpdateNameLookup;
use TrueAsync\Temporal\Internal\WorkflowService;

/** One update of a workflow execution, as WorkflowHandle::startUpdate() or getUpdateHandle() name it. */
final class WorkflowUpdateHandle
{
    use RpcTimeoutCopies;

    /** @internal made by WorkflowHandle */
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private WorkflowExecution $execution,
        private string $updateId,
        private string $updateName = '',
        private ?Outcome $outcome = null,
        private ?string $resultType = null,
    ) {
    }

    public function getId(): string
    {
        return $this->updateId;
    }

    /** The workflow execution the update belongs to. */
    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    /**
     * Waits for the update handler to finish and returns its decoded result.
     *
     * Same order as WorkflowHandle::result(): the type, then the timeout.
     *
     * @param ?string $type the PHP type of the result (see WorkflowHandle::result()); null: the one
     *     UpdateOptions::withResultType() gave, else the payload's natural value
     * @param ?float $timeoutSeconds give up after this long; null waits as long as it takes
     * @throws WorkflowUpdateFailedException the validator rejected the update or the handler failed (for a
     *     handle from getUpdateHandle(), its update name is read from the run's history)
     * @throws WorkflowResultTimeoutException $timeoutSeconds passed first
     * @throws WorkflowNotFoundException no such workflow execution or update
     * @throws DataConverterException the result cannot be decoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function result(?string $type = null, ?float $timeoutSeconds = null): mixed
    {
        $deadline = Deadline::in($timeoutSeconds, 'WorkflowUpdateHandle::result()');
        while ($this->outcome === null) {
            $this->outcome = $this->poll($deadline)->getOutcome();
        }
        $failure = $this->outcome->getFailure();
        if ($failure !== null) {
            $exception = $this->converter->getFailureConverter()->toException($failure, $this->converter);
            if ($this->updateName === '') {
                $this->updateName = (new UpdateNameLookup($this->service))->find($this->execution, $this->updateId);
            }
            throw WorkflowUpdateFailedException::create(
                $this->execution->getWorkflowId(),
                $this->updateName,
                $this->updateId,
                $exception,
            );
        }
        return $this->converter->fromPayloads($this->outcome->getSuccess(), [$type ?? $this->resultType])[0] ?? null;
    }

    private function poll(Deadline $deadline): PollWorkflowExecutionUpdateResponse
    {
        if ($deadline->isExpired()) {
            throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $this->execution);
        }
        $request = new PollWorkflowExecutionUpdateRequest([
            'namespace' => $this->service->getNamespace(),
            'identity' => $this->service->getIdentity(),
            'update_ref' => new UpdateRef([
                'workflow_execution' => $this->execution->toMessage(),
                'update_id' => $this->updateId,
            ]),
            'wait_policy' => new WaitPolicy([
                'lifecycle_stage' => Stage::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED,
            ]),
        ]);
        try {
            return $this->service->call(
                'PollWorkflowExecutionUpdate',
                $request,
                PollWorkflowExecutionUpdateResponse::class,
                $deadline->rpcTimeoutMs(),
                $this->execution,
            );
        } catch (ServiceException $e) {
            $timeoutCodes = [ServiceException::CANCELLED, ServiceException::DEADLINE_EXCEEDED];
            if ($deadline->isExpired() && \in_array($e->getCode(), $timeoutCodes, true)) {
                throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $this->execution, $e);
            }
            throw $e;
        }
    }
}

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
use TrueAsync\Temporal\Interceptor\WorkflowClient\PollUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
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
        if ($this->outcome !== null) {
            Deadline::in($timeoutSeconds, 'WorkflowUpdateHandle::result()');  // a bad timeout is refused all the same
            return $this->decode($this->outcome, $type ?? $this->resultType);
        }
        $input = new PollUpdateInput($this->execution, $this->updateId, $this->updateName, $type ?? $this->resultType,
            $timeoutSeconds);
        return $this->service->intercept(WorkflowClientCallsInterceptor::class, 'pollUpdate', $input,
            $this->pollForResult(...));
    }

    /** The SDK's own pollUpdate(): waits for the outcome, then keeps it, so a second result() makes no call. */
    private function pollForResult(PollUpdateInput $input): mixed
    {
        $deadline = Deadline::in($input->timeoutSeconds, 'WorkflowUpdateHandle::result()');
        $outcome = null;
        while ($outcome === null) {
            $outcome = $this->poll($input, $deadline)->getOutcome();
        }
        $this->outcome = $outcome;
        return $this->decode($outcome, $input->resultType);
    }

    /** @throws WorkflowUpdateFailedException the outcome is a failure */
    private function decode(Outcome $outcome, ?string $type): mixed
    {
        $failure = $outcome->getFailure();
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
        return $this->converter->fromPayloads($outcome->getSuccess(), [$type])[0] ?? null;
    }

    private function poll(PollUpdateInput $input, Deadline $deadline): PollWorkflowExecutionUpdateResponse
    {
        if ($deadline->isExpired()) {
            throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $input->execution);
        }
        $request = new PollWorkflowExecutionUpdateRequest([
            'namespace' => $this->service->getNamespace(),
            'identity' => $this->service->getIdentity(),
            'update_ref' => new UpdateRef([
                'workflow_execution' => $input->execution->toMessage(),
                'update_id' => $input->updateId,
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
                $input->execution,
            );
        } catch (ServiceException $e) {
            $timeoutCodes = [ServiceException::CANCELLED, ServiceException::DEADLINE_EXCEEDED];
            if ($deadline->isExpired() && \in_array($e->getCode(), $timeoutCodes, true)) {
                throw WorkflowResultTimeoutException::after((float) $deadline->getSeconds(), $input->execution, $e);
            }
            throw $e;
        }
    }
}

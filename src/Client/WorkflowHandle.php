<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Query\V1\WorkflowQuery;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeWorkflowExecutionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\QueryWorkflowRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\QueryWorkflowResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\RequestCancelWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\RequestCancelWorkflowExecutionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\SignalWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\SignalWorkflowExecutionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\TerminateWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\TerminateWorkflowExecutionResponse;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowContinuedAsNewException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Exception\WorkflowQueryFailedException;
use TrueAsync\Temporal\Exception\WorkflowQueryRejectedException;
use TrueAsync\Temporal\Exception\WorkflowResultTimeoutException;
use TrueAsync\Temporal\Internal\CloseEventMapper;
use TrueAsync\Temporal\Internal\CloseEventPoller;
use TrueAsync\Temporal\Internal\Deadline;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * One workflow execution, as Client::start() or Client::getHandle() name it: wait for its result, signal,
 * query, describe, cancel or terminate it. Calls block until the server answers.
 */
final class WorkflowHandle
{
    /** @internal made by Client */
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private WorkflowExecution $execution,
        private ?string $workflowType = null,
    ) {
    }

    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    public function getId(): string
    {
        return $this->execution->getWorkflowId();
    }

    /** The run this handle targets, or null for the latest run. */
    public function getRunId(): ?string
    {
        return $this->execution->getRunId();
    }

    /**
     * Waits for the run to close and returns its decoded result (null when it returned nothing).
     *
     * @param ?float $timeoutSeconds give up after this long; null waits as long as it takes
     * @throws WorkflowFailedException the run failed, was cancelled, terminated or timed out (see its cause)
     * @throws WorkflowContinuedAsNewException the run continued as new (runs are not followed yet)
     * @throws WorkflowResultTimeoutException $timeoutSeconds passed first
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws DataConverterException the result cannot be decoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     * @throws \ValueError $timeoutSeconds is negative
     */
    public function result(?float $timeoutSeconds = null): mixed
    {
        $deadline = Deadline::in($timeoutSeconds);
        $event = (new CloseEventPoller($this->service))->waitForCloseEvent($this->execution, $deadline);
        return (new CloseEventMapper($this->converter))->toResult($event, $this->execution, $this->workflowType);
    }

    /**
     * Sends a signal; returns once the server has recorded it.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function signal(string $name, mixed ...$args): void
    {
        $request = new SignalWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $this->execution->toMessage(),
            'signal_name' => $name,
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        $request->setInput($args === [] ? null : $this->converter->toPayloads($args));
        $this->call('SignalWorkflowExecution', $request, SignalWorkflowExecutionResponse::class);
    }

    /**
     * Runs a query handler of the workflow and returns its decoded answer.
     *
     * @throws WorkflowQueryFailedException the handler failed, or the workflow has no handler for $name
     * @throws WorkflowQueryRejectedException the server rejected the query because of the workflow's status
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws DataConverterException an argument or the answer cannot be converted
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function query(string $name, mixed ...$args): mixed
    {
        $query = new WorkflowQuery(['query_type' => $name]);
        $query->setQueryArgs($args === [] ? null : $this->converter->toPayloads($args));
        $request = new QueryWorkflowRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $this->execution->toMessage(),
            'query' => $query,
        ]);
        $response = $this->call('QueryWorkflow', $request, QueryWorkflowResponse::class);
        $rejected = $response->getQueryRejected();
        if ($rejected !== null) {
            $status = WorkflowExecutionStatus::fromProto($rejected->getStatus());
            throw WorkflowQueryRejectedException::forStatus($this->execution, $name, $status);
        }
        return $this->converter->fromPayloads($response->getQueryResult())[0] ?? null;
    }

    /**
     * Describes the run: status, type, task queue, times, history length.
     *
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function describe(): WorkflowExecutionDescription
    {
        $request = new DescribeWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $this->execution->toMessage(),
        ]);
        return WorkflowExecutionDescription::fromResponse(
            $this->call('DescribeWorkflowExecution', $request, DescribeWorkflowExecutionResponse::class),
        );
    }

    /**
     * Asks the workflow to cancel; returns once the server has recorded the request. The workflow decides
     * how to react; result() then usually throws WorkflowFailedException caused by CanceledFailure.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function cancel(): void
    {
        $request = new RequestCancelWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $this->execution->toMessage(),
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        $this->call('RequestCancelWorkflowExecution', $request, RequestCancelWorkflowExecutionResponse::class);
    }

    /**
     * Stops the run at once, without running workflow code; result() then throws WorkflowFailedException
     * caused by TerminatedFailure.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function terminate(string $reason = ''): void
    {
        $request = new TerminateWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $this->execution->toMessage(),
            'reason' => $reason,
            'identity' => $this->service->getIdentity(),
        ]);
        $this->call('TerminateWorkflowExecution', $request, TerminateWorkflowExecutionResponse::class);
    }

    /**
     * @template T of Message
     * @param class-string<T> $responseClass
     * @return T
     */
    private function call(string $method, Message $request, string $responseClass): Message
    {
        return $this->service->call($method, $request, $responseClass, 0, $this->execution);
    }
}

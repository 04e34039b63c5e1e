<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

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
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Client\WorkflowHistory;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\WorkflowQueryRejectedException;
use TrueAsync\Temporal\Interceptor\Internal\HeaderMessage;
use TrueAsync\Temporal\Interceptor\WorkflowClient\CancelInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\DescribeInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\FetchHistoryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\GetResultInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\TerminateInput;
use TrueAsync\Temporal\Internal\CloseEventMapper;
use TrueAsync\Temporal\Internal\Deadline;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The SDK's own calls of a WorkflowHandle: what runs after the client's interceptors, from the input they
 * passed on.
 *
 * @internal
 */
final class WorkflowExecutionCalls
{
    public function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    public function getResult(GetResultInput $input): mixed
    {
        $deadline = Deadline::in($input->timeoutSeconds, 'WorkflowHandle::result()');
        $poller = new CloseEventPoller($this->service);
        [$event, $execution] = $poller->waitForLastCloseEvent($input->execution, $deadline, $input->followRuns);
        return (new CloseEventMapper($this->converter))
            ->toResult($event, $execution, $input->workflowType, $input->resultType);
    }

    public function startUpdate(StartUpdateInput $input): WorkflowUpdateHandle
    {
        $options = $input->options;
        $starter = new UpdateStarter($this->service);
        $payloads = $input->args === [] ? null : $this->converter->toPayloads($input->args);
        $updateId = $options->getUpdateId() ?? Uuid::v4();
        $request = $starter->request($options->getName(), $payloads, $updateId, $input->header);
        $response = $starter->start($input->execution, $request, $options->getWaitStage());
        $runId = $response->getUpdateRef()?->getWorkflowExecution()?->getRunId() ?: $input->execution->getRunId();
        $execution = new WorkflowExecution($input->execution->getWorkflowId(), $runId);
        return new WorkflowUpdateHandle($this->service, $this->converter, $execution, $updateId, $options->getName(),
            $response->getOutcome(), $options->getResultType());
    }

    public function fetchHistory(FetchHistoryInput $input): WorkflowHistory
    {
        $history = (new HistoryFetcher($this->service))->fetch($input->execution);
        return WorkflowHistory::fromMessage($input->execution->getWorkflowId(), $history);
    }

    public function signal(SignalInput $input): void
    {
        $request = new SignalWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $input->execution->toMessage(),
            'signal_name' => Utf8::check($input->signalName, 'WorkflowHandle::signal(): the signal name'),
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        $request->setInput($input->args === [] ? null : $this->converter->toPayloads($input->args));
        $request->setHeader(HeaderMessage::of($input->header));
        $this->call('SignalWorkflowExecution', $request, SignalWorkflowExecutionResponse::class, $input->execution);
    }

    public function query(QueryInput $input): mixed
    {
        $name = $input->queryName;
        $query = new WorkflowQuery(['query_type' => Utf8::check($name, 'WorkflowHandle::query(): the query name')]);
        $query->setQueryArgs($input->args === [] ? null : $this->converter->toPayloads($input->args));
        $query->setHeader(HeaderMessage::of($input->header));
        $request = new QueryWorkflowRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $input->execution->toMessage(),
            'query' => $query,
        ]);
        $response = $this->call('QueryWorkflow', $request, QueryWorkflowResponse::class, $input->execution);
        $rejected = $response->getQueryRejected();
        if ($rejected !== null) {
            $status = WorkflowExecutionStatus::fromProto($rejected->getStatus());
            throw WorkflowQueryRejectedException::forStatus($input->execution, $name, $status);
        }
        return $this->converter->fromPayloads($response->getQueryResult(), [$input->resultType])[0] ?? null;
    }

    public function describe(DescribeInput $input): WorkflowExecutionDescription
    {
        $request = new DescribeWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'execution' => $input->execution->toMessage(),
        ]);
        $response = $this->call(
            'DescribeWorkflowExecution',
            $request,
            DescribeWorkflowExecutionResponse::class,
            $input->execution,
        );
        return WorkflowExecutionDescription::fromResponse($response, $this->converter);
    }

    public function cancel(CancelInput $input): void
    {
        $request = new RequestCancelWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $input->execution->toMessage(),
            'identity' => $this->service->getIdentity(),
            'request_id' => Uuid::v4(),
        ]);
        $this->call(
            'RequestCancelWorkflowExecution',
            $request,
            RequestCancelWorkflowExecutionResponse::class,
            $input->execution,
        );
    }

    public function terminate(TerminateInput $input): void
    {
        $request = new TerminateWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $input->execution->toMessage(),
            'reason' => $input->reason,
            'identity' => $this->service->getIdentity(),
        ]);
        $this->call(
            'TerminateWorkflowExecution',
            $request,
            TerminateWorkflowExecutionResponse::class,
            $input->execution,
        );
    }

    /**
     * @template T of Message
     * @param class-string<T> $responseClass
     * @return T
     */
    private function call(
        string $method,
        Message $request,
        string $responseClass,
        WorkflowExecution $execution,
    ): Message {
        return $this->service->call($method, $request, $responseClass, execution: $execution);
    }
}

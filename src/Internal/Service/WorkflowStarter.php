<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Workflowservice\V1\ExecuteMultiOperationResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\SignalWithStartWorkflowExecutionResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionResponse;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\HeaderMessage;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WithStartRequests;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The SDK's own start, signal-with-start and update-with-start: what runs after the client's interceptors, from
 * the input they passed on.
 *
 * @internal
 */
final class WorkflowStarter
{
    public function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    public function start(StartWorkflowInput $input): WorkflowHandle
    {
        $request = $this->request($input->workflowType, $input->args, $input->options, $input->header);
        $response = $this->call('StartWorkflowExecution', $request, StartWorkflowExecutionResponse::class, $request);
        return $this->handle($request, $response->getRunId());
    }

    public function signalWithStart(SignalWithStartInput $input): WorkflowHandle
    {
        self::refuseEagerStart($input->options, 'Client::signalWithStart()');
        $start = $this->request($input->workflowType, $input->args, $input->options, $input->header);
        $signalArgs = $input->signalArgs === [] ? null : $this->converter->toPayloads($input->signalArgs);
        $request = WithStartRequests::signalWithStart($start, $input->signalName, $signalArgs);
        $response = $this->call(
            'SignalWithStartWorkflowExecution',
            $request,
            SignalWithStartWorkflowExecutionResponse::class,
            $start,
        );
        return $this->handle($start, $response->getRunId());
    }

    public function updateWithStart(UpdateWithStartInput $input): WorkflowUpdateHandle
    {
        self::refuseEagerStart($input->options, 'Client::updateWithStart()');
        if ($input->options->getIdConflictPolicy() === WorkflowIdConflictPolicy::Unspecified) {
            throw new \ValueError('Client::updateWithStart(): WorkflowOptions must set an id conflict policy');
        }
        $update = $input->update;
        $start = $this->request($input->workflowType, $input->args, $input->options, $input->header);
        $payloads = $input->updateArgs === [] ? null : $this->converter->toPayloads($input->updateArgs);
        $request = (new UpdateStarter($this->service))
            ->request($update->getName(), $payloads, $update->getUpdateId() ?? Uuid::v4(), $input->header);
        $multi = WithStartRequests::updateWithStart($start, $request, $update->getWaitStage());
        $response = $this->call('ExecuteMultiOperation', $multi, ExecuteMultiOperationResponse::class, $start);
        [$started, $updated] = iterator_to_array($response->getResponses(), false);
        $execution = new WorkflowExecution($start->getWorkflowId(), $started->getStartWorkflow()->getRunId());
        $outcome = $updated->getUpdateWorkflow()?->getOutcome();
        $updateId = $request->getMeta()->getUpdateId();
        return new WorkflowUpdateHandle($this->service, $this->converter, $execution, $updateId, $update->getName(),
            $outcome, $update->getResultType());
    }

    /**
     * @template T of Message
     * @param class-string<T> $responseClass
     * @param StartWorkflowExecutionRequest $start names the workflow for the error mapping
     * @return T
     */
    private function call(
        string $method,
        Message $request,
        string $responseClass,
        StartWorkflowExecutionRequest $start,
    ): Message {
        $execution = new WorkflowExecution($start->getWorkflowId());
        $type = $start->getWorkflowType()?->getName();
        return $this->service->call($method, $request, $responseClass, execution: $execution, workflowType: $type);
    }

    private function handle(StartWorkflowExecutionRequest $start, string $runId): WorkflowHandle
    {
        $execution = new WorkflowExecution($start->getWorkflowId(), $runId);
        return new WorkflowHandle($this->service, $this->converter, $execution, $start->getWorkflowType()?->getName());
    }

    /** @param list<mixed> $args */
    private function request(
        string $workflowType,
        array $args,
        WorkflowOptions $options,
        Header $header,
    ): StartWorkflowExecutionRequest {
        $request = StartRequestFactory::create(
            $this->service->getNamespace(),
            $this->service->getIdentity(),
            $workflowType,
            $args === [] ? null : $this->converter->toPayloads($args),
            $options,
            $this->converter,
        );
        $request->setHeader(HeaderMessage::of($header));
        return $request;
    }

    /** Checked here, after the interceptors, as they may have changed the options. */
    private static function refuseEagerStart(WorkflowOptions $options, string $call): void
    {
        if ($options->isEagerStart()) {
            throw new \ValueError("$call: WorkflowOptions::withEagerStart() applies only to Client::start()");
        }
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\Workflowservice\V1\StartWorkflowExecutionResponse;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\ConnectionException;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Internal\ProtobufRuntime;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * A connection to a Temporal server, bound to one namespace: starts workflows and hands out WorkflowHandles.
 * Calls block until the server answers.
 */
final class Client
{
    private function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    /**
     * Connects to the server.
     *
     * @param ?DataConverter $dataConverter converts arguments, results and details; default DataConverter::default()
     * @throws ConnectionException the server could not be reached or refused the connection
     * @throws CancelledException the connect was cancelled
     * @throws TemporalException the bridge failed
     * @throws \ValueError the bridge rejected the options (a bad address, PEM or header; the message says why)
     * @throws \JsonException a TLS, API key or metadata value is not valid UTF-8
     * @throws \RuntimeException no protobuf runtime is available (the message says what to install)
     */
    public static function connect(ConnectionOptions $options, ?DataConverter $dataConverter = null): self
    {
        ProtobufRuntime::requireRuntime();
        $connection = Connection::connect($options->toJson());
        return new self(new WorkflowService($connection, $options), $dataConverter ?? DataConverter::default());
    }

    /**
     * Starts a workflow and returns a handle to the run that started.
     *
     * @param array<mixed> $args the workflow's arguments, in order
     * @throws WorkflowAlreadyStartedException a workflow with the same id is running
     * @throws InvalidArgumentException the server rejected the request (an unknown namespace, a bad timeout...)
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     * @throws \ValueError $workflowType is empty, or $options has no task queue
     */
    public function start(string $workflowType, array $args, WorkflowOptions $options): WorkflowHandle
    {
        $input = $args === [] ? null : $this->converter->toPayloads($args);
        $request = StartRequestFactory::create(
            $this->service->getNamespace(),
            $this->service->getIdentity(),
            $workflowType,
            $input,
            $options,
        );
        $response = $this->service->call(
            'StartWorkflowExecution',
            $request,
            StartWorkflowExecutionResponse::class,
            execution: new WorkflowExecution($request->getWorkflowId()),
            workflowType: $workflowType,
        );
        $execution = new WorkflowExecution($request->getWorkflowId(), $response->getRunId());
        return new WorkflowHandle($this->service, $this->converter, $execution, $workflowType);
    }

    /**
     * A handle to an existing workflow execution. Makes no call: an unknown id surfaces on the handle's first
     * call as WorkflowNotFoundException.
     *
     * @param ?string $runId the run to target; null targets the latest run of $workflowId
     */
    public function getHandle(string $workflowId, ?string $runId = null): WorkflowHandle
    {
        return new WorkflowHandle($this->service, $this->converter, new WorkflowExecution($workflowId, $runId));
    }

    public function getNamespace(): string
    {
        return $this->service->getNamespace();
    }

    public function getDataConverter(): DataConverter
    {
        return $this->converter;
    }
}

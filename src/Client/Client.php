<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Workflowservice\V1\CountWorkflowExecutionsRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\CountWorkflowExecutionsResponse;
use TrueAsync\Temporal\Client\Deployment\WorkerDeploymentClient;
use TrueAsync\Temporal\Client\Schedule\ScheduleClient;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\ConnectionException;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\DeadlineExceededException;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Plugin\Internal\PluginInterceptors;
use TrueAsync\Temporal\Plugin\Plugin;
use TrueAsync\Temporal\Interceptor\WorkflowClient\CountWorkflowsInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\ListWorkflowsInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Internal\ProtobufRuntime;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\Service\WorkflowExecutionPager;
use TrueAsync\Temporal\Internal\Service\WorkflowStarter;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * A connection to a Temporal server, bound to one namespace: starts workflows (also with a signal or an
 * update), lists and counts them, and hands out WorkflowHandles. Calls block until the server answers, or
 * until the RPC timeout passes (withRpcTimeout(), ConnectionOptions::withRpcTimeout()). Interceptors
 * (withInterceptors()) run around every call of the client and of the handles it hands out.
 */
final class Client
{
    use RpcTimeoutCopies;

    /** @var list<Plugin> */
    private array $plugins = [];
    /** @var list<Interceptor> the plugins' interceptors, outside those of withInterceptors() */
    private array $pluginInterceptors = [];

    private function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    /**
     * Connects to the server.
     *
     * @param ?DataConverter $dataConverter converts arguments, results and details; default DataConverter::default()
     * @param list<Plugin> $plugins applied in order: to the options and the converter before connecting, and to
     *     every worker built on the client (Plugin)
     * @throws \TypeError an element of $plugins is not a Plugin, or a plugin's interceptor not an Interceptor
     * @throws ConnectionException the server could not be reached or refused the connection
     * @throws CancelledException the connect was cancelled
     * @throws TemporalException the bridge failed
     * @throws \ValueError the bridge rejected the options (a bad address, PEM or header; the message says why)
     * @throws \JsonException a TLS, API key or metadata value is not valid UTF-8
     * @throws \RuntimeException no protobuf runtime is available (the message says what to install)
     */
    public static function connect(
        ConnectionOptions $options,
        ?DataConverter $dataConverter = null,
        array $plugins = [],
    ): self {
        ProtobufRuntime::requireRuntime();
        [$plugins, $interceptors] = [array_values($plugins), []];
        $converter = $dataConverter ?? DataConverter::default();
        foreach ($plugins as $i => $plugin) {
            if (!$plugin instanceof Plugin) {
                throw new \TypeError("Client::connect(): plugin #$i must be a Plugin, got " . get_debug_type($plugin));
            }
            $options = $plugin->configureConnection($options);
            $converter = $plugin->configureDataConverter($converter);
            array_push($interceptors, ...PluginInterceptors::of($plugin));
        }
        $connection = Connection::connect($options->toJson());
        $service = (new WorkflowService($connection, $options))->withInterceptors(...$interceptors);
        $client = new self($service, $converter);
        [$client->plugins, $client->pluginInterceptors] = [$plugins, $interceptors];
        return $client;
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
        $input = new StartWorkflowInput($workflowType, array_values($args), $options, $this->emptyHeader());
        return $this->intercept('start', $input, $this->starter()->start(...));
    }

    /**
     * Sends a signal to the running workflow with the options' id, starting the workflow first if none is
     * running, in one atomic call. The handle names the run that got the signal.
     *
     * @param array<mixed> $args the workflow's arguments, used only if it starts
     * @param array<mixed> $signalArgs the signal's arguments
     * @throws InvalidArgumentException the server rejected the request
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     * @throws \ValueError $workflowType is empty, or $options has no task queue
     */
    public function signalWithStart(
        string $workflowType,
        array $args,
        WorkflowOptions $options,
        string $signalName,
        array $signalArgs = [],
    ): WorkflowHandle {
        $input = new SignalWithStartInput($workflowType, array_values($args), $options, $signalName,
            array_values($signalArgs), $this->emptyHeader());
        return $this->intercept('signalWithStart', $input, $this->starter()->signalWithStart(...));
    }

    /**
     * Sends an update to the workflow with the options' id, starting it first if none is running, in one
     * call; returns the update's handle once it reached its wait stage (UpdateOptions; a name alone:
     * Accepted). The options MUST set an id conflict policy (UseExisting to update a running workflow, Fail
     * to insist on a new one).
     *
     * @param array<mixed> $args the workflow's arguments, used only if it starts
     * @param string|UpdateOptions $update the update's name, or options with its name, wait stage, id and
     *     result type
     * @param array<mixed> $updateArgs the update's arguments
     * @throws WorkflowAlreadyStartedException the conflict policy is Fail and the workflow is running
     * @throws InvalidArgumentException the server rejected the request
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     * @throws \ValueError no id conflict policy, $workflowType is empty, or $options has no task queue
     */
    public function updateWithStart(
        string $workflowType,
        array $args,
        WorkflowOptions $options,
        string|UpdateOptions $update,
        array $updateArgs = [],
    ): WorkflowUpdateHandle {
        $update = UpdateOptions::of($update);
        $update = $update->withUpdateId($update->getUpdateId() ?? Uuid::v4());
        $input = new UpdateWithStartInput($workflowType, array_values($args), $options, $update,
            array_values($updateArgs), $this->emptyHeader());
        return $this->intercept('updateWithStart', $input, $this->starter()->updateWithStart(...));
    }

    /**
     * The workflow executions a visibility query matches ('' for all), newest first, fetched lazily page by
     * page as the iterator advances.
     *
     * @param string $query a list filter, e.g. "WorkflowType = 'Order' AND ExecutionStatus = 'Running'"
     * @param int $pageSize executions per call; 0: the server's default
     * @return \Iterator<int, WorkflowExecutionDescription> its first call throws the server's error
     *         (InvalidArgumentException for a bad query, ServiceException) or TemporalException
     */
    public function listWorkflows(string $query = '', int $pageSize = 0): \Iterator
    {
        return $this->intercept(
            'listWorkflows',
            new ListWorkflowsInput($query, $pageSize),
            fn (ListWorkflowsInput $input): \Iterator
                => new WorkflowExecutionPager($this->service, $this->converter, $input->query, $input->pageSize),
        );
    }

    /**
     * How many workflow executions a visibility query matches ('' for all).
     *
     * @throws InvalidArgumentException the query is invalid
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function countWorkflows(string $query = ''): int
    {
        return $this->intercept('countWorkflows', new CountWorkflowsInput($query), $this->count(...));
    }

    /** The SDK's own countWorkflows(), after the interceptors. */
    private function count(CountWorkflowsInput $input): int
    {
        $request = new CountWorkflowExecutionsRequest(['namespace' => $this->getNamespace(), 'query' => $input->query]);
        return (int) $this->service->call(
            'CountWorkflowExecutions',
            $request,
            CountWorkflowExecutionsResponse::class,
        )->getCount();
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

    /** Runs $hook of the client's WorkflowClientCallsInterceptors around $last (the SDK's own code for the call). */
    private function intercept(string $hook, object $input, \Closure $last): mixed
    {
        return $this->service->intercept(WorkflowClientCallsInterceptor::class, $hook, $input, $last);
    }

    private function starter(): WorkflowStarter
    {
        return new WorkflowStarter($this->service, $this->converter);
    }

    private function emptyHeader(): Header
    {
        return Header::empty($this->converter);
    }

    /**
     * A copy that runs $interceptors around its calls (replacing any given before; the plugins' stay, outside
     * them): the first is outermost. Handles and clients made from the copy carry them, and so do workers built
     * on it, whose workflow and activity interceptors run before the worker's own (WorkerOptions::withInterceptors()).
     */
    public function withInterceptors(Interceptor ...$interceptors): self
    {
        $copy = clone $this;
        $copy->service = $this->service->withInterceptors(...$this->pluginInterceptors, ...$interceptors);
        return $copy;
    }

    /**
     * @internal the plugins given to connect(), for the workers built on this client
     * @return list<Plugin>
     */
    public function getPlugins(): array
    {
        return $this->plugins;
    }

    /** @return list<Interceptor> the plugins', then those of withInterceptors() */
    public function getInterceptors(): array
    {
        return $this->service->getInterceptors();
    }

    /** Creates, lists and hands out handles to the schedules of the namespace. Makes no call. */
    public function schedules(): ScheduleClient
    {
        return new ScheduleClient($this->service, $this->converter);
    }

    /** The namespace's Worker Deployments: their versions, and the current and ramping one. Makes no call. */
    public function workerDeployments(): WorkerDeploymentClient
    {
        return new WorkerDeploymentClient($this->service);
    }

    /** Completes, fails, heartbeats or cancels activities that complete asynchronously. Makes no call. */
    public function getActivityCompletionClient(): ActivityCompletionClient
    {
        return new ActivityCompletionClient($this->service, $this->converter);
    }

    /**
     * Any unary RPC of the WorkflowService, OperatorService or HealthService, on this client's connection with
     * its RPC timeout, retries and headers: for what the typed API does not cover.
     *
     * @template T of Message
     * @param string $service "WorkflowService", "OperatorService" or "HealthService"
     * @param string $method the PascalCase rpc name, e.g. "GetSystemInfo"
     * @param class-string<T> $responseClass
     * @return T
     * @throws \ValueError an unknown service or method, or a request that is not the method's message
     * @throws DeadlineExceededException the RPC timeout passed first
     * @throws ServiceException the server's error status (typed where the client knows it)
     * @throws TemporalException the bridge failed
     */
    public function rawCall(string $service, string $method, Message $request, string $responseClass): Message
    {
        return $this->service->call($method, $request, $responseClass, service: $service);
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

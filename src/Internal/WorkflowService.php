<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Exception\DeadlineExceededException;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;

/**
 * Typed calls to the server's WorkflowService in one namespace: encodes the request, decodes the response and
 * turns a gRPC error status into the SDK's exception for it (ServiceErrors). Every call but a long poll carries
 * the service's RPC timeout: the client objects hold a copy with theirs (withRpcTimeout()).
 *
 * @internal
 */
final class WorkflowService
{
    private const SERVICE = 'WorkflowService';

    /** Seconds; null: none. */
    private ?float $rpcTimeout;
    /** @var list<Interceptor> the client's, which every object made from it carries along with this service */
    private array $interceptors = [];

    public function __construct(private Core\Connection $connection, private ConnectionOptions $options)
    {
        $this->rpcTimeout = $options->getRpcTimeout();
    }

    /**
     * A copy whose calls carry this timeout.
     *
     * @param ?float $timeoutSeconds null: the connection options' default
     * @param string $caller the public method, for the error message
     * @throws \ValueError $timeoutSeconds is NaN, infinite, negative or zero
     */
    public function withRpcTimeout(?float $timeoutSeconds, string $caller): self
    {
        $copy = clone $this;
        $copy->rpcTimeout = $timeoutSeconds === null
            ? $this->options->getRpcTimeout()
            : Seconds::positive($timeoutSeconds, "$caller: \$timeoutSeconds");
        return $copy;
    }

    /** A copy whose users run $interceptors around their calls. */
    public function withInterceptors(Interceptor ...$interceptors): self
    {
        $copy = clone $this;
        $copy->interceptors = array_values($interceptors);
        return $copy;
    }

    /** @return list<Interceptor> */
    public function getInterceptors(): array
    {
        return $this->interceptors;
    }

    /**
     * Runs $hook of the client's interceptors implementing $interface around $last, the SDK's own code for the
     * call (Pipeline); with none, $last alone.
     *
     * @template T
     * @param class-string<Interceptor> $interface
     * @param \Closure(object): T $last
     * @return T
     */
    public function intercept(string $interface, string $hook, object $input, \Closure $last): mixed
    {
        return Pipeline::of($this->interceptors, $interface)->call($hook, $input, $last);
    }

    public function getRpcTimeout(): ?float
    {
        return $this->rpcTimeout;
    }

    public function getConnection(): Core\Connection
    {
        return $this->connection;
    }

    public function getNamespace(): string
    {
        return $this->options->getNamespace();
    }

    public function getIdentity(): string
    {
        return $this->options->getIdentity();
    }

    /**
     * @template T of Message
     * @param string $method the PascalCase rpc name
     * @param class-string<T> $responseClass
     * @param ?int $timeoutMs null: the service's RPC timeout; 0: none (a long poll that has a deadline of its own)
     * @param ?WorkflowExecution $execution the workflow the call is about, for the error mapping
     * @param ?string $workflowType the type of the workflow the call starts, for the error mapping
     * @param ?string $scheduleId the schedule the call is about, for the error mapping
     * @param string $service WorkflowService, or OperatorService / HealthService for a raw call
     * @return T
     * @throws DeadlineExceededException the RPC timeout passed first
     * @throws TemporalException the server's error status, mapped by ServiceErrors; or the bridge failed
     */
    public function call(
        string $method,
        Message $request,
        string $responseClass,
        ?int $timeoutMs = null,
        ?WorkflowExecution $execution = null,
        ?string $workflowType = null,
        ?string $scheduleId = null,
        string $service = self::SERVICE,
    ): Message {
        $rpcTimeout = $timeoutMs === null ? $this->rpcTimeout : null;
        try {
            $timeout = $rpcTimeout === null ? ($timeoutMs ?? 0) : Seconds::toMs($rpcTimeout);
            $bytes = $this->send($service, $method, $request->serializeToString(), $timeout);
        } catch (Core\ServiceException $status) {
            // The bridge reports its own deadline as DEADLINE_EXCEEDED (tonic's CANCELLED included), as does a
            // server that gave up first on the deadline the call carried.
            if ($rpcTimeout !== null && $status->getCode() === DeadlineExceededException::DEADLINE_EXCEEDED) {
                throw DeadlineExceededException::afterRpcTimeout("$service.$method", $rpcTimeout, $status);
            }
            throw ServiceErrors::map($status, $execution, $workflowType, $scheduleId);
        }
        $response = new $responseClass();
        $response->mergeFromString($bytes);
        return $response;
    }

    /**
     * One API for both worlds: inside a worker's Fiber (an activity using the client) the call suspends only
     * that Fiber and the worker goes on; anywhere else it blocks.
     *
     * @throws \LogicException called from workflow code, whose only effects are commands
     */
    private function send(string $service, string $method, string $request, int $timeoutMs): string
    {
        if (WorkflowRun::isExecuting()) {
            throw new \LogicException("workflow code must not call the client ($method): it is not replayed "
                . 'deterministically; call it from an activity');
        }
        // retry: the connection's retry options (ConnectionOptions::withRpcRetryOptions()) apply.
        $scheduler = FiberScheduler::current();
        if ($scheduler === null) {
            return $this->connection->rpcCall($service, $method, $request, $timeoutMs, retry: true);
        }
        $operation = $this->connection->startRpcCall($service, $method, $request, $timeoutMs, retry: true);
        return $scheduler->await($operation);
    }
}

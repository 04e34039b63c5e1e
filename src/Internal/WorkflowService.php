<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Worker\Internal\FiberScheduler;
use TrueAsync\Temporal\Workflow\Internal\WorkflowRun;

/**
 * Typed calls to the server's WorkflowService in one namespace: encodes the request, decodes the response and
 * turns a gRPC error status into the SDK's exception for it (ServiceErrors).
 *
 * @internal
 */
final class WorkflowService
{
    private const SERVICE = 'WorkflowService';

    public function __construct(private Core\Connection $connection, private ConnectionOptions $options)
    {
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
     * @param int $timeoutMs 0: none
     * @param ?WorkflowExecution $execution the workflow the call is about, for the error mapping
     * @param ?string $workflowType the type of the workflow the call starts, for the error mapping
     * @param ?string $scheduleId the schedule the call is about, for the error mapping
     * @return T
     * @throws TemporalException the server's error status, mapped by ServiceErrors; or the bridge failed
     */
    public function call(
        string $method,
        Message $request,
        string $responseClass,
        int $timeoutMs = 0,
        ?WorkflowExecution $execution = null,
        ?string $workflowType = null,
        ?string $scheduleId = null,
    ): Message {
        try {
            $bytes = $this->send($method, $request->serializeToString(), $timeoutMs);
        } catch (Core\ServiceException $status) {
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
    private function send(string $method, string $request, int $timeoutMs): string
    {
        if (WorkflowRun::isExecuting()) {
            throw new \LogicException("workflow code must not call the client ($method): it is not replayed "
                . 'deterministically; call it from an activity');
        }
        $retry = $this->options->isRetryEnabled();
        $scheduler = FiberScheduler::current();
        if ($scheduler === null) {
            return $this->connection->rpcCall(self::SERVICE, $method, $request, $timeoutMs, retry: $retry);
        }
        $operation = $this->connection->startRpcCall(self::SERVICE, $method, $request, $timeoutMs, retry: $retry);
        return $scheduler->await($operation);
    }
}

<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * A client connection to a Temporal frontend. Freeing it while RPCs are in flight is safe: they complete.
 *
 * @strict-properties
 * @not-serializable
 */
final class Connection
{
    /** Made by connect() and startConnect() only. */
    private function __construct() {}

    /**
     * Connects and waits for the result. $optionsJson is the connect options document of docs/DESIGN.md.
     *
     * @throws ConnectionException the server could not be reached or refused the connection
     * @throws CancelledException $cancel was cancelled first
     * @throws TemporalException the bridge failed
     * @throws \ValueError the bridge rejected $optionsJson (its message says why)
     */
    public static function connect(string $optionsJson, ?CancellationToken $cancel = null): Connection {}

    /**
     * Starts connecting; getResult() of the returned operation is the Connection.
     *
     * @throws TemporalException the bridge failed
     * @throws \ValueError the bridge rejected $optionsJson (its message says why)
     */
    public static function startConnect(string $optionsJson, ?CancellationToken $cancel = null): PendingOperation {}

    /**
     * Calls $method of $service with the encoded request message and waits for the encoded response.
     *
     * @param string $service WorkflowService, OperatorService or HealthService
     * @param string $method the PascalCase RPC name from the service's .proto
     * @param int $timeoutMs 0 means none
     * @param array $metadata gRPC headers, name => value; "-bin" names carry base64 values
     * @param bool $retry use the core's retry policy for this call
     * @throws ServiceException the server answered with a gRPC error status
     * @throws CancelledException $cancel was cancelled first
     * @throws TemporalException the bridge failed, or the connection was made before fork()
     * @throws \ValueError a bad argument, or one the bridge rejected (its message says why)
     * @throws \TypeError $metadata holds a value that is not a string
     */
    public function rpcCall(
        string $service,
        string $method,
        string $request,
        int $timeoutMs = 0,
        array $metadata = [],
        ?CancellationToken $cancel = null,
        bool $retry = false
    ): string {}

    /**
     * Starts an RPC as rpcCall() does; getResult() of the returned operation is the encoded response.
     *
     * @param array $metadata as for rpcCall()
     * @throws TemporalException the bridge failed, or the connection was made before fork()
     * @throws \ValueError a bad argument, or one the bridge rejected (its message says why)
     * @throws \TypeError $metadata holds a value that is not a string
     */
    public function startRpcCall(
        string $service,
        string $method,
        string $request,
        int $timeoutMs = 0,
        array $metadata = [],
        ?CancellationToken $cancel = null,
        bool $retry = false
    ): PendingOperation {}
}

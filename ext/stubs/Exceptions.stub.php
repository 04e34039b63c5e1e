<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/** The root of every exception the Temporal SDK throws: one catch covers them all. */
class TemporalException extends \Exception {}

/** The connect operation failed: unreachable or refused address, TLS handshake, rejected credentials. */
final class ConnectionException extends TemporalException {}

/** The server answered with a gRPC error status; getCode() is that status code. */
final class ServiceException extends TemporalException
{
    private string $grpcMessage = "";
    private string $details = "";

    /** The status message the server sent. */
    public function getGrpcMessage(): string {}

    /** The encoded google.rpc.Status the server sent, or '' when it sent none. */
    public function getDetails(): string {}
}

/** The operation stopped because its CancellationToken was cancelled. */
final class CancelledException extends TemporalException {}

/**
 * Workflow code called a function whose result is not deterministic (the clock, randomness) or that blocks or
 * reaches outside (sleep, sockets, URLs) while DeterminismGuard::run() ran it. The message names the call, the
 * file and line of the call, and what to use instead.
 */
final class NonDeterministicCallException extends TemporalException {}

/**
 * Workflow code ran longer than the deadlock budget without yielding (DeterminismGuard::run()). The code was
 * stopped where it was; getWorkflowStack() is the PHP stack at that moment.
 */
final class DeadlockException extends TemporalException
{
    private string $workflowStack = "";

    /** The PHP backtrace (as Exception::getTraceAsString() formats one) where the code was stopped. */
    public function getWorkflowStack(): string {}
}

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

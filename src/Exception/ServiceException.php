<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Core\TemporalException;

/**
 * The server answered a call with a gRPC error status that no more specific exception describes.
 * getCode() is the gRPC status code (see the constants); the ext's Core\ServiceException is the previous.
 */
class ServiceException extends TemporalException
{
    public const CANCELLED = 1;
    public const UNKNOWN = 2;
    public const INVALID_ARGUMENT = 3;
    public const DEADLINE_EXCEEDED = 4;
    public const NOT_FOUND = 5;
    public const ALREADY_EXISTS = 6;
    public const PERMISSION_DENIED = 7;
    public const RESOURCE_EXHAUSTED = 8;
    public const FAILED_PRECONDITION = 9;
    public const ABORTED = 10;
    public const OUT_OF_RANGE = 11;
    public const UNIMPLEMENTED = 12;
    public const INTERNAL = 13;
    public const UNAVAILABLE = 14;
    public const DATA_LOSS = 15;
    public const UNAUTHENTICATED = 16;

    final protected function __construct(string $message, Core\ServiceException $previous)
    {
        parent::__construct($message, $previous->getCode(), $previous);
    }

    /** Wraps a gRPC error status that has no more specific meaning. */
    public static function fromStatus(Core\ServiceException $status): self
    {
        return new self($status->getMessage(), $status);
    }

    /** The gRPC status code, as getCode(). */
    public function getGrpcCode(): int
    {
        return $this->getCode();
    }

    /** The status message the server sent. */
    public function getGrpcMessage(): string
    {
        $previous = $this->getPrevious();
        return $previous instanceof Core\ServiceException ? $previous->getGrpcMessage() : $this->getMessage();
    }
}

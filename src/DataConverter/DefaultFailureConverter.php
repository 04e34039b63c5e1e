<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Internal\Converter\FailureEncoder;
use TrueAsync\Temporal\Internal\Converter\FailureMapper;

/**
 * The failure converter of every Temporal SDK. With $encodeCommonAttributes, the message and stack trace of
 * each failure move into an encoded payload ({"message", "stack_trace"}, through the data converter and its
 * codecs, so a codec can encrypt them) and the message reads "Encoded failure". Failures encoded so by any
 * SDK decode either way.
 */
final class DefaultFailureConverter implements FailureConverter
{
    public function __construct(private bool $encodeCommonAttributes = false)
    {
    }

    public function isEncodingCommonAttributes(): bool
    {
        return $this->encodeCommonAttributes;
    }

    public function toException(Failure $failure, DataConverter $converter): TemporalFailure
    {
        return (new FailureMapper($converter))->toException($failure);
    }

    public function toFailure(\Throwable $exception, DataConverter $converter): Failure
    {
        return (new FailureEncoder($converter, $this->encodeCommonAttributes))->toFailure($exception);
    }
}

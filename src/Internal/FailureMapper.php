<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\GenericFailure;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;
use TrueAsync\Temporal\Exception\Failure\TerminatedFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;

/**
 * Turns a temporal.api.failure.v1.Failure, cause chain included, into TemporalFailure exceptions.
 *
 * @internal
 */
final class FailureMapper
{
    public function __construct(private DataConverter $converter)
    {
    }

    /** @throws DataConverterException details or encoded attributes cannot be decoded */
    public function toException(Failure $failure): TemporalFailure
    {
        $cause = $failure->getCause() === null ? null : $this->toException($failure->getCause());
        [$message, $stackTrace] = $this->messageAndStackTrace($failure);
        $kind = $failure->getFailureInfo();
        return match ($kind) {
            'application_failure_info' => $this->application($failure, $message, $cause, $stackTrace),
            'canceled_failure_info' => CanceledFailure::create(
                $message,
                $this->converter->fromPayloads($failure->getCanceledFailureInfo()->getDetails()),
                $cause,
                $stackTrace,
            ),
            'terminated_failure_info' => TerminatedFailure::create($message, $cause, $stackTrace),
            'timeout_failure_info' => TimeoutFailure::create(
                $message,
                TimeoutType::tryFrom($failure->getTimeoutFailureInfo()->getTimeoutType()) ?? TimeoutType::Unspecified,
                $this->converter->fromPayloads($failure->getTimeoutFailureInfo()->getLastHeartbeatDetails()),
                $cause,
                $stackTrace,
            ),
            default => GenericFailure::create($message, (string) $kind, $cause, $stackTrace),
        };
    }

    private function application(
        Failure $failure,
        string $message,
        ?TemporalFailure $cause,
        string $stackTrace,
    ): ApplicationFailure {
        $info = $failure->getApplicationFailureInfo();
        return ApplicationFailure::create(
            $message,
            $info->getType(),
            $info->getNonRetryable(),
            $this->converter->fromPayloads($info->getDetails()),
            $cause,
            $stackTrace,
        );
    }

    /**
     * A failure converter that encodes common attributes moves the message and stack trace into a payload
     * and leaves "Encoded failure" in the message field.
     *
     * @return array{string, string}
     */
    private function messageAndStackTrace(Failure $failure): array
    {
        $encoded = $failure->getEncodedAttributes();
        if ($encoded === null) {
            return [$failure->getMessage(), $failure->getStackTrace()];
        }
        $attributes = $this->converter->fromPayload($encoded);
        if (!\is_array($attributes)) {
            return [$failure->getMessage(), $failure->getStackTrace()];
        }
        return [
            (string) ($attributes['message'] ?? $failure->getMessage()),
            (string) ($attributes['stack_trace'] ?? $failure->getStackTrace()),
        ];
    }
}

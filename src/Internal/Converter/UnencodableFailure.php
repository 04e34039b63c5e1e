<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Converter;

use TrueAsync\Temporal\Api\Failure\V1\ApplicationFailureInfo;
use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\DataConverter\DataConverter;

/**
 * The failure an activity reports for an exception its failure converter cannot encode (details with no JSON
 * form, over the size limit, a codec that throws): the task still gets its one completion, and the message
 * says why instead of the worker losing the task.
 *
 * @internal
 */
final class UnencodableFailure
{
    /** $exception's failure, or a plain one naming its class and the conversion error when that fails. */
    public static function encode(DataConverter $converter, \Throwable $exception): Failure
    {
        try {
            return $converter->getFailureConverter()->toFailure($exception, $converter);
        } catch (\Throwable $conversion) {
            // The original message stays out: a codec that failed may have been there to keep it private.
            return new Failure([
                'message' => \sprintf(
                    'the %s this activity threw could not be encoded: %s',
                    $exception::class,
                    $conversion->getMessage(),
                ),
                'source' => FailureEncoder::SOURCE,
                'application_failure_info' => new ApplicationFailureInfo(['type' => $exception::class]),
            ]);
        }
    }
}

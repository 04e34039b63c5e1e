<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Failure\V1\Failure;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\TemporalFailure;

/**
 * Converts between exceptions and Temporal's Failure messages, cause chains included. Details and encoded
 * attributes go through $converter, so its codecs apply to them.
 */
interface FailureConverter
{
    /**
     * MUST map the whole cause chain (Failure::cause becomes getPrevious()).
     *
     * @throws DataConverterException details or encoded attributes cannot be decoded
     */
    public function toException(Failure $failure, DataConverter $converter): TemporalFailure;

    /**
     * MUST map the whole previous chain to causes; an exception that is not a TemporalFailure becomes an
     * application failure whose type is its class name.
     *
     * @throws DataConverterException details cannot be encoded
     */
    public function toFailure(\Throwable $exception, DataConverter $converter): Failure;
}

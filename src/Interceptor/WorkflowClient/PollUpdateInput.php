<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/**
 * WorkflowUpdateHandle::result() when it must ask the server for the update's outcome (not when the outcome
 * came with the update's start): the update, the type its result decodes into and how long to wait.
 */
final class PollUpdateInput
{
    use InputCopies;

    /**
     * @internal made by WorkflowUpdateHandle
     * @param string $updateName '' when the handle does not know it (WorkflowHandle::getUpdateHandle())
     * @param ?string $resultType the PHP type of the result; null: the payload's natural value
     * @param ?float $timeoutSeconds null: as long as it takes
     */
    public function __construct(
        public readonly WorkflowExecution $execution,
        public readonly string $updateId,
        public readonly string $updateName,
        public readonly ?string $resultType,
        public readonly ?float $timeoutSeconds,
    ) {
    }

    /** @param ?string $type the PHP type of the result; null: the payload's natural value */
    public function withResultType(?string $type): self
    {
        return $this->with('resultType', $type);
    }

    /** @param ?float $timeoutSeconds null: as long as it takes */
    public function withTimeoutSeconds(?float $timeoutSeconds): self
    {
        return $this->with('timeoutSeconds', $timeoutSeconds);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\WorkflowClient;

use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** WorkflowHandle::result(): the run to wait for, the type its result decodes into, how long and how far to wait. */
final class GetResultInput
{
    use InputCopies;

    /**
     * @internal made by WorkflowHandle
     * @param ?string $workflowType the type, when the handle knows it (for the exceptions)
     * @param ?string $resultType the PHP type of the result; null: the payload's natural value
     * @param ?float $timeoutSeconds null: as long as it takes
     * @param bool $followRuns follow continue-as-new, retry and cron runs
     */
    public function __construct(
        public readonly WorkflowExecution $execution,
        public readonly ?string $workflowType,
        public readonly ?string $resultType,
        public readonly ?float $timeoutSeconds,
        public readonly bool $followRuns,
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

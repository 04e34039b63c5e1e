<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\ScheduleClient;

use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** ScheduleClient::listSchedules(): the visibility query and the page size (0: the server's default). */
final class ListSchedulesInput
{
    use InputCopies;

    /** @internal made by ScheduleClient */
    public function __construct(public readonly string $query, public readonly int $pageSize)
    {
    }

    public function withQuery(string $query): self
    {
        return $this->with('query', $query);
    }
}

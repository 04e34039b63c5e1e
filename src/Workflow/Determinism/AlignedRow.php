<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * One row of the alignment: a recorded step, the command the code produced in its place, or both.
 */
final class AlignedRow
{
    /** @throws \ValueError both sides are null */
    public function __construct(
        public readonly ?RecordedStep $recorded,
        public readonly ?ProducedCommand $produced,
        public readonly RowStatus $status,
    ) {
        if ($recorded === null && $produced === null) {
            throw new \ValueError('AlignedRow: a row needs a recorded step, a produced command, or both');
        }
    }
}

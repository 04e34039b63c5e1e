<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * How a row of the alignment pairs a recorded step with a produced command.
 */
enum RowStatus: string
{
    /** The same step on both sides. */
    case Match = 'match';
    /** The same kind, another activity type, child workflow type or patch id. */
    case Renamed = 'renamed';
    /** The code produced a command history does not have here. */
    case Added = 'added';
    /** History has a step the code no longer produces here. */
    case Removed = 'removed';
    /** Two adjacent steps in the other order (one row each, the pairs crossing). */
    case Reordered = 'reordered';
    /** Two adjacent steps in the other order where one is a local activity: its marker is recorded when it
     * resolves, not where it was scheduled, so the core does not compare its place. */
    case Moved = 'moved';
    /** A step on one side only that the core lets pass: a deprecated patch in history, a patch marker or a
     * cancellation from the code (the core drops a command cancelled in the activation that issued it). */
    case Skipped = 'skipped';
    /** A recorded step after the code's last command: the code failed or waits before it. */
    case NotReached = 'not_reached';
    /** A command after the last recorded step of a run still open: new work, not yet recorded. */
    case New = 'new';

    public function isDivergence(): bool
    {
        return \in_array($this, [self::Renamed, self::Added, self::Removed, self::Reordered], true);
    }

    /** The word the table shows; nothing for a match. */
    public function label(): string
    {
        return $this === self::Match ? '' : str_replace('_', ' ', $this->value);
    }
}

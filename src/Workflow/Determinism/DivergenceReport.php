<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * What DivergenceExplainer found: the two sequences aligned row by row, the first row where the code left
 * history, and the change that most likely caused it, in one sentence.
 */
final class DivergenceReport
{
    /**
     * @param list<AlignedRow> $rows history's steps and the code's commands, paired in order
     * @param ?int $firstDivergence the index in $rows of the first divergent row; null when nothing diverges
     * @param string $likelyChange one sentence: the change, with the event id and the code's file:line
     * @param ?string $fix what to do about it, where there is a usual remedy
     * @param list<string> $notes what is worth knowing but is not a divergence (a timer's changed duration)
     * @throws \ValueError $firstDivergence is not the index of a row
     */
    public function __construct(
        public readonly array $rows,
        public readonly ?int $firstDivergence,
        public readonly string $likelyChange,
        public readonly ?string $fix = null,
        public readonly array $notes = [],
    ) {
        if ($firstDivergence !== null && !isset($rows[$firstDivergence])) {
            throw new \ValueError("DivergenceReport: \$firstDivergence $firstDivergence is not the index of a row");
        }
    }

    public function diverges(): bool
    {
        return $this->firstDivergence !== null;
    }

    /**
     * The table (history on the left, code on the right, ">" on the first divergent row), then the likely
     * change, the fix and the notes, one per line. Plain ASCII, no trailing spaces: it reads the same in a
     * terminal and in a log.
     */
    public function render(): string
    {
        $lines = ReportTable::lines($this->rows, $this->firstDivergence);
        $lines[] = "likely change: $this->likelyChange";
        if ($this->fix !== null) {
            $lines[] = "fix: $this->fix";
        }
        foreach ($this->notes as $note) {
            $lines[] = "note: $note";
        }
        return implode("\n", $lines);
    }

    /** The likely change and its fix on one line, for an exception's message. */
    public function summary(): string
    {
        return $this->fix === null ? $this->likelyChange : "$this->likelyChange; fix: $this->fix";
    }
}

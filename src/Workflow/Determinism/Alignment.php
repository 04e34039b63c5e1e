<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * Lines up what history recorded with what the code produced: a weighted edit distance on (kind, name),
 * with an adjacent swap as one edit, the way the core compares them (a step's place, its kind, and the
 * names the core checks).
 *
 * The weights pick the reading a developer would give. A rename costs one edit, so one changed type reads
 * as a rename, not as a call removed and another added. Leaving history's tail unreached is cheaper than an
 * edit (a replay ends at the first mismatch, and a live run waits), yet two unreached steps cost more than
 * one edit, so a command the code did produce is explained by history's steps rather than as one added in
 * front of them. Commands past the end of an open run's history cost little: they are new work. A step the
 * core lets pass on one side costs almost nothing, so it never displaces a match.
 *
 * @internal
 */
final class Alignment
{
    private const RENAME = 30;
    private const ADD = 30;
    private const REMOVE = 30;
    private const SWAP = 30;
    private const PASS = 1;
    private const NOT_REACHED = 20;
    private const NEW = 5;

    /**
     * A replay stops at the first mismatch, so after the common prefix both sides are short; these bound the
     * quadratic table for inputs that are not.
     */
    private const PRODUCED_WINDOW = 400;
    private const RECORDED_SLACK = 200;

    private const MATCH = 1;
    private const RENAMED = 2;
    private const SWAPPED = 3;
    private const ADDED = 4;
    private const REMOVED = 5;

    /** @var list<AlignedRow> */
    public readonly array $rows;
    /** How many produced commands were past the window and left out of the rows. */
    public readonly int $leftOut;

    /** @var list<RecordedStep> */
    private array $recorded;
    /** @var list<ProducedCommand> */
    private array $produced;
    /** @var list<bool> */
    private array $producedMayPass = [];

    /**
     * @param list<RecordedStep> $recorded
     * @param list<ProducedCommand> $produced
     */
    public function __construct(array $recorded, array $produced)
    {
        $this->recorded = array_values($recorded);
        $this->keepRecordedCommands(array_values($produced));
        $prefix = $this->commonPrefix();
        $rows = [];
        for ($i = 0; $i < $prefix; $i++) {
            $rows[] = new AlignedRow($this->recorded[$i], $this->produced[$i], RowStatus::Match);
        }
        $producedEnd = min(\count($this->produced), $prefix + self::PRODUCED_WINDOW);
        $recordedEnd = min(\count($this->recorded), $producedEnd + self::RECORDED_SLACK);
        array_push($rows, ...$this->alignWindow($prefix, $recordedEnd, $producedEnd));
        for ($i = $recordedEnd; $i < \count($this->recorded); $i++) {
            $rows[] = new AlignedRow($this->recorded[$i], null, RowStatus::NotReached);
        }
        $this->rows = $rows;
        $this->leftOut = \count($this->produced) - $producedEnd;
    }

    /**
     * Drops what history never holds, after using it. A command the code also cancelled may be missing from
     * history, as the core sends neither when both leave in one activation; which activation they left in is
     * not known here, so such a command may pass unmatched, and still matches when history has it.
     *
     * @param list<ProducedCommand> $produced
     */
    private function keepRecordedCommands(array $produced): void
    {
        $cancelled = [];
        foreach ($produced as $command) {
            if ($command->kind->cancels() !== null && $command->seq !== null) {
                $cancelled[$command->kind->cancels()->value . '#' . $command->seq] = true;
            }
        }
        $this->produced = [];
        foreach ($produced as $command) {
            if (!$command->kind->isRecorded()) {
                continue;
            }
            $this->produced[] = $command;
            $this->producedMayPass[] = $command->kind === StepKind::PatchMarker
                || $command->kind->cancels() !== null
                || isset($cancelled[$command->kind->value . '#' . $command->seq]);
        }
    }

    private function commonPrefix(): int
    {
        $prefix = 0;
        $limit = min(\count($this->recorded), \count($this->produced));
        while ($prefix < $limit && self::same($this->recorded[$prefix], $this->produced[$prefix])) {
            $prefix++;
        }
        return $prefix;
    }

    /** @return list<AlignedRow> */
    private function alignWindow(int $from, int $recordedEnd, int $producedEnd): array
    {
        $a = $recordedEnd - $from;
        $b = $producedEnd - $from;
        $width = $b + 1;
        $cost = [0];
        $move = [0];
        for ($i = 0; $i <= $a; $i++) {
            for ($j = 0; $j <= $b; $j++) {
                if ($i > 0 || $j > 0) {
                    [$cost[$i * $width + $j], $move[$i * $width + $j]] = $this->cheapest($cost, $width, $from, $i, $j);
                }
            }
        }
        [$endI, $endJ] = $this->end($cost, $width, $a, $b, $recordedEnd === \count($this->recorded));
        $rows = $this->traceBack($move, $width, $from, $endI, $endJ);
        for ($i = $endI; $i < $a; $i++) {
            $rows[] = new AlignedRow($this->recorded[$from + $i], null, RowStatus::NotReached);
        }
        for ($j = $endJ; $j < $b; $j++) {
            $rows[] = new AlignedRow(null, $this->produced[$from + $j], RowStatus::New);
        }
        return $rows;
    }

    /**
     * The cheapest way into cell ($i, $j); on a tie the first in this order wins, which puts a removal before
     * the insertion that replaces it.
     *
     * @param array<int, int> $cost
     * @return array{int, int}
     */
    private function cheapest(array $cost, int $width, int $from, int $i, int $j): array
    {
        $best = [PHP_INT_MAX, 0];
        $consider = function (int $candidate, int $move) use (&$best): void {
            if ($candidate < $best[0]) {
                $best = [$candidate, $move];
            }
        };
        if ($i > 0 && $j > 0) {
            $recorded = $this->recorded[$from + $i - 1];
            $produced = $this->produced[$from + $j - 1];
            $diagonal = $cost[($i - 1) * $width + $j - 1];
            if (self::same($recorded, $produced)) {
                $consider($diagonal, self::MATCH);
            } elseif (self::renamed($recorded, $produced)) {
                $consider($diagonal + self::RENAME, self::RENAMED);
            }
            if ($i > 1 && $j > 1 && $this->swapped($from + $i - 2, $from + $j - 2)) {
                $weight = $this->swapPasses($from + $i - 2) ? self::PASS : self::SWAP;
                $consider($cost[($i - 2) * $width + $j - 2] + $weight, self::SWAPPED);
            }
        }
        if ($j > 0) {
            $weight = $this->producedPasses($from + $j - 1, $from + $i) ? self::PASS : self::ADD;
            $consider($cost[$i * $width + $j - 1] + $weight, self::ADDED);
        }
        if ($i > 0) {
            $weight = $this->recorded[$from + $i - 1]->isDeprecatedPatch() ? self::PASS : self::REMOVE;
            $consider($cost[($i - 1) * $width + $j] + $weight, self::REMOVED);
        }
        return $best;
    }

    /**
     * Where the alignment ends: both sides used up, or the code stopped early (history's rest not reached),
     * or, on a run still open, the code went past history's end (new work).
     *
     * @param array<int, int> $cost
     * @return array{int, int}
     */
    private function end(array $cost, int $width, int $a, int $b, bool $historyEnds): array
    {
        $best = $cost[$a * $width + $b];
        $end = [$a, $b];
        for ($i = 0; $i < $a; $i++) {
            $candidate = $cost[$i * $width + $b] + self::NOT_REACHED * ($a - $i);
            if ($candidate < $best) {
                [$best, $end] = [$candidate, [$i, $b]];
            }
        }
        $last = $this->recorded === [] ? null : $this->recorded[\count($this->recorded) - 1];
        if ($historyEnds && !($last?->kind->isTerminal() ?? false)) {
            for ($j = 0; $j < $b; $j++) {
                $candidate = $cost[$a * $width + $j] + self::NEW * ($b - $j);
                if ($candidate < $best) {
                    [$best, $end] = [$candidate, [$a, $j]];
                }
            }
        }
        return $end;
    }

    /**
     * @param array<int, int> $move
     * @return list<AlignedRow>
     */
    private function traceBack(array $move, int $width, int $from, int $i, int $j): array
    {
        $reversed = [];
        while ($i > 0 || $j > 0) {
            $recorded = $i > 0 ? $this->recorded[$from + $i - 1] : null;
            $produced = $j > 0 ? $this->produced[$from + $j - 1] : null;
            switch ($move[$i * $width + $j]) {
                case self::MATCH:
                case self::RENAMED:
                    $status = $move[$i * $width + $j] === self::MATCH ? RowStatus::Match : RowStatus::Renamed;
                    $reversed[] = new AlignedRow($recorded, $produced, $status);
                    $i--;
                    $j--;
                    break;
                case self::SWAPPED:
                    $status = $this->swapPasses($from + $i - 2) ? RowStatus::Moved : RowStatus::Reordered;
                    // The pairs cross: the table shows each side in its own order.
                    $reversed[] = new AlignedRow($recorded, $produced, $status);
                    $reversed[] = new AlignedRow($this->recorded[$from + $i - 2], $this->produced[$from + $j - 2], $status);
                    $i -= 2;
                    $j -= 2;
                    break;
                case self::ADDED:
                    $status = $this->producedPasses($from + $j - 1, $from + $i) ? RowStatus::Skipped : RowStatus::Added;
                    $reversed[] = new AlignedRow(null, $produced, $status);
                    $j--;
                    break;
                default:
                    $status = $recorded?->isDeprecatedPatch() ? RowStatus::Skipped : RowStatus::Removed;
                    $reversed[] = new AlignedRow($recorded, null, $status);
                    $i--;
            }
        }
        return array_reverse($reversed);
    }

    /**
     * Whether produced command $p may go unmatched when recorded step $r is next. The core skips a patch
     * marker the code sets only when the next event is not a patch marker: against another patch's
     * marker it is a changed patch id.
     */
    private function producedPasses(int $p, int $r): bool
    {
        if (!$this->producedMayPass[$p]) {
            return false;
        }
        return $this->produced[$p]->kind !== StepKind::PatchMarker
            || ($this->recorded[$r] ?? null)?->kind !== StepKind::PatchMarker;
    }

    /** Recorded $r, $r+1 are produced $p+1, $p: two adjacent steps in the other order. */
    private function swapped(int $r, int $p): bool
    {
        [$r0, $r1] = [$this->recorded[$r], $this->recorded[$r + 1]];
        [$p0, $p1] = [$this->produced[$p], $this->produced[$p + 1]];
        return self::same($r0, $p1) && self::same($r1, $p0) && !(self::same($r0, $p0) && self::same($r1, $p1));
    }

    /**
     * Whether the swap of recorded $r and $r+1 is one the core lets pass: a local activity's marker is
     * recorded when it resolves, so its place next to another step is not compared.
     */
    private function swapPasses(int $r): bool
    {
        return \in_array(StepKind::LocalActivity, [$this->recorded[$r]->kind, $this->recorded[$r + 1]->kind], true);
    }

    private static function same(RecordedStep $recorded, ProducedCommand $produced): bool
    {
        return $recorded->kind->matchKind() === $produced->kind->matchKind()
            && (!$recorded->kind->comparesName() || $recorded->name === null || $produced->name === null
                || $recorded->name === $produced->name);
    }

    private static function renamed(RecordedStep $recorded, ProducedCommand $produced): bool
    {
        return $recorded->kind->matchKind() === $produced->kind->matchKind() && $recorded->kind->comparesName()
            && $recorded->name !== $produced->name;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * Words the alignment: the change that most likely made the code diverge, in one sentence a developer can
 * act on, what fixes it, and what is worth knowing but is not a divergence.
 *
 * @internal
 */
final class LikelyChange
{
    private const GUARD = 'guard the change with Workflow::patched(...): runs recorded before the change then keep the old calls';

    public readonly string $sentence;
    public readonly ?string $fix;
    /** @var list<string> */
    public readonly array $notes;

    /** @param list<AlignedRow> $rows */
    public function __construct(private readonly array $rows, ?int $firstDivergence, int $leftOut)
    {
        [$this->sentence, $this->fix] = $firstDivergence === null
            ? [$this->noDivergence(), null]
            : $this->divergence($firstDivergence);
        $notes = $this->notes($firstDivergence ?? \count($rows));
        if ($leftOut > 0) {
            $notes[] = 'left out of the table: the last ' . self::steps($leftOut, 'command') . ' the code produced, past the aligned window';
        }
        $this->notes = $notes;
    }

    /** @return array{string, ?string} */
    private function divergence(int $index): array
    {
        $row = $this->rows[$index];
        return match ($row->status) {
            RowStatus::Added => $this->added($row->produced, $index),
            RowStatus::Removed => $this->removed($row->recorded, $index),
            RowStatus::Renamed => $this->renamed($row->recorded, $row->produced),
            default => $this->reordered($row->produced, $this->rows[$index + 1]->produced),
        };
    }

    /** @return array{string, ?string} */
    private function added(ProducedCommand $produced, int $index): array
    {
        $next = $this->nextRecorded($index);
        $call = $produced->kind->describeIndefinite($produced->name) . self::at($produced);
        if ($next === null) {
            return ["$call was added after the last recorded step", self::GUARD];
        }
        $before = self::recordedText($next);
        if ($produced->kind->isTerminal()) {
            // The code ended the run early: a failure is what the code threw, not a call that moved.
            $fix = $produced->kind === StepKind::Fail ? null : self::GUARD;
            return ['the code ' . self::ended($produced) . self::at($produced) . " where history went on to $before", $fix];
        }
        return ["$call was added before $before", self::GUARD];
    }

    /** @return array{string, ?string} */
    private function removed(RecordedStep $recorded, int $index): array
    {
        if ($recorded->kind === StepKind::PatchMarker) {
            $id = (string) $recorded->name;
            return [
                "patch '$id' (event $recorded->eventId) is recorded but the code no longer calls Workflow::patched('$id')",
                "restore Workflow::patched('$id') (or Workflow::deprecatePatch('$id') once no run from before the patch is open)",
            ];
        }
        $next = $this->nextProduced($index);
        $then = $next === null ? 'the code produced nothing after it'
            : 'the code went on to ' . $next->kind->describe($next->name) . self::at($next);
        return [self::recordedText($recorded) . ' is no longer ' . $recorded->kind->participle() . ": $then", self::GUARD];
    }

    /** @return array{string, ?string} */
    private function renamed(RecordedStep $recorded, ProducedCommand $produced): array
    {
        if ($recorded->kind === StepKind::PatchMarker) {
            return [
                "patch '$recorded->name' (event $recorded->eventId) was renamed to '$produced->name'" . self::at($produced),
                "a recorded patch id must not change: call Workflow::patched('$recorded->name') as before",
            ];
        }
        $renamed = $recorded->kind->describe($recorded->name) . " was renamed to '$produced->name'";
        return [$renamed . self::at($produced), self::GUARD];
    }

    /** @return array{string, ?string} */
    private function reordered(ProducedCommand $first, ProducedCommand $second): array
    {
        $places = array_values(array_filter([$first->location(), self::sameFileLocation($first, $second)]));
        $where = $places === [] ? '' : ' (' . implode(', ', $places) . ')';
        $pair = $first->kind->describe($first->name) . ' and ' . $second->kind->describe($second->name);
        return ["$pair swapped places$where", self::GUARD];
    }

    private function noDivergence(): string
    {
        $recorded = \count(array_filter($this->rows, fn (AlignedRow $r) => $r->recorded !== null));
        $notReached = array_values(array_filter($this->rows, fn (AlignedRow $r) => $r->status === RowStatus::NotReached));
        $new = \count(array_filter($this->rows, fn (AlignedRow $r) => $r->status === RowStatus::New));
        $produced = \count(array_filter($this->rows, fn (AlignedRow $r) => $r->produced !== null));
        if ($this->rows === []) {
            return 'no divergence: neither history nor the code has a step';
        }
        if ($notReached !== [] && $produced === 0) {
            return 'the code produced no command, so nothing diverges: it failed or is waiting before '
                . self::recordedText($notReached[0]->recorded) . ', the first of the ' . self::steps($recorded, 'recorded step');
        }
        if ($notReached !== []) {
            $reached = $recorded - \count($notReached);
            return "nothing the code produced diverges: it stopped after $reached of the "
                . self::steps($recorded, 'recorded step') . ', before ' . self::recordedText($notReached[0]->recorded)
                . '; it failed or is waiting';
        }
        if ($new > 0) {
            return 'no divergence: the code produced the ' . self::steps($recorded, 'recorded step') . ', then '
                . self::steps($new, 'new one') . ' history has not recorded yet';
        }
        return 'no divergence: the code produced the ' . self::steps($recorded, 'recorded step') . ' in order';
    }

    /**
     * What is true of the rows the core has compared (those before the divergence) but does not fail a replay.
     *
     * @return list<string>
     */
    private function notes(int $until): array
    {
        $notes = [];
        foreach (\array_slice($this->rows, 0, $until) as $row) {
            [$recorded, $produced] = [$row->recorded, $row->produced];
            if ($row->status === RowStatus::Match && $recorded->kind === StepKind::Timer
                && $recorded->detail !== null && $produced->detail !== null && $recorded->detail !== $produced->detail) {
                $notes[] = "timer (event $recorded->eventId) now waits $produced->detail where history recorded $recorded->detail"
                    . self::at($produced) . ": not a divergence, the core does not compare durations; runs that already"
                    . " started it keep $recorded->detail";
            }
            if ($row->status === RowStatus::Moved && $recorded->kind === StepKind::LocalActivity) {
                $notes[] = self::recordedText($recorded) . ' is recorded when it resolves, not where it was scheduled:'
                    . ' its place in history is not compared';
            }
        }
        return $notes;
    }

    private function nextRecorded(int $index): ?RecordedStep
    {
        for ($i = $index + 1; $i < \count($this->rows); $i++) {
            if ($this->rows[$i]->recorded !== null) {
                return $this->rows[$i]->recorded;
            }
        }
        return null;
    }

    private function nextProduced(int $index): ?ProducedCommand
    {
        for ($i = $index + 1; $i < \count($this->rows); $i++) {
            if ($this->rows[$i]->produced !== null) {
                return $this->rows[$i]->produced;
            }
        }
        return null;
    }

    private static function ended(ProducedCommand $produced): string
    {
        return match ($produced->kind) {
            StepKind::Fail => $produced->detail === null ? 'failed' : "failed with '$produced->detail'",
            StepKind::Complete => 'completed the workflow',
            StepKind::ContinueAsNew => 'continued as new',
            default => 'ended the workflow as cancelled',
        };
    }

    private static function recordedText(RecordedStep $recorded): string
    {
        return $recorded->kind->describe($recorded->name) . " (event $recorded->eventId)";
    }

    private static function at(ProducedCommand $produced): string
    {
        $location = $produced->location();
        return $location === null ? '' : " ($location)";
    }

    /** The second place of a pair, shortened to ":42" when it is in the first one's file. */
    private static function sameFileLocation(ProducedCommand $first, ProducedCommand $second): ?string
    {
        if ($second->file !== null && $second->file === $first->file && $second->line !== null) {
            return ":$second->line";
        }
        return $second->location();
    }

    private static function steps(int $count, string $noun): string
    {
        return "$count $noun" . ($count === 1 ? '' : 's');
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * Prints the alignment as plain ASCII columns: history on the left, the code on the right, ">" on the first
 * divergent row. Long runs of matching or unreached steps fold to one line, so that a run with thousands of
 * steps still prints the part that matters on a screen.
 *
 * @internal
 */
final class ReportTable
{
    /** A name longer than this is cut: a child workflow id can be a UUID or worse. */
    private const NAME_WIDTH = 40;
    /** A run of rows of one status longer than this folds, keeping this many at each end. */
    private const FOLD_OVER = 6;
    private const KEEP = 2;

    /**
     * @param list<AlignedRow> $rows
     * @return list<string> the lines, without trailing spaces
     */
    public static function lines(array $rows, ?int $firstDivergence): array
    {
        // Where history's steps came from, when the worker wrote it into the events (and only then: no empty column).
        $sources = array_filter($rows, static fn (AlignedRow $row): bool => $row->recorded?->source !== null) !== [];
        $cells = [['', 'event', 'history', 'name', ...($sources ? ['recorded at'] : []), '|', 'code', 'name', 'at', '']];
        foreach (self::visible($rows) as $index => $row) {
            $cells[] = \is_string($row) ? ['', '', $row] : self::cells($row, $index === $firstDivergence, $sources);
        }
        $widths = [];
        foreach ($cells as $line) {
            if (\count($line) > 3) {
                foreach ($line as $column => $text) {
                    $widths[$column] = max($widths[$column] ?? 0, \strlen($text));
                }
            }
        }
        return array_map(fn (array $line) => self::join($line, $widths), $cells);
    }

    /**
     * The rows to print, by index, with a fold's text in place of the rows it hides. The divergent row never
     * folds, and each fold keeps the rows at its ends: the two steps before the divergence stay in view.
     *
     * @param list<AlignedRow> $rows
     * @return array<int|string, AlignedRow|string>
     */
    private static function visible(array $rows): array
    {
        $visible = [];
        $start = 0;
        while ($start < \count($rows)) {
            $end = $start;
            while ($end + 1 < \count($rows) && $rows[$end + 1]->status === $rows[$start]->status) {
                $end++;
            }
            $length = $end - $start + 1;
            $foldable = \in_array($rows[$start]->status, [RowStatus::Match, RowStatus::NotReached, RowStatus::New], true);
            for ($i = $start; $i <= $end; $i++) {
                $hidden = $foldable && $length > self::FOLD_OVER && $i >= $start + self::KEEP && $i <= $end - self::KEEP;
                if (!$hidden) {
                    $visible[$i] = $rows[$i];
                } elseif ($i === $start + self::KEEP) {
                    $hiddenCount = $length - 2 * self::KEEP;
                    $visible["fold$i"] = "... $hiddenCount more " . self::foldNoun($rows[$start]->status) . ' ...';
                }
            }
            $start = $end + 1;
        }
        return $visible;
    }

    /** @return list<string> */
    private static function cells(AlignedRow $row, bool $divergent, bool $sources): array
    {
        $recorded = $row->recorded;
        $produced = $row->produced;
        return [
            $divergent ? '>' : '',
            $recorded === null ? '' : (string) $recorded->eventId,
            $recorded?->eventType ?? '',
            $recorded === null ? '' : self::recordedName($recorded),
            ...($sources ? [$recorded?->source ?? ''] : []),
            '|',
            $produced === null ? '' : str_replace('_', ' ', $produced->kind->value),
            $produced === null ? '' : self::name($produced->name, $produced->detail),
            $produced?->location() ?? '',
            $row->status->label(),
        ];
    }

    /** A marker's event type does not say whose marker it is: the name does. */
    private static function recordedName(RecordedStep $recorded): string
    {
        $name = self::name($recorded->name, $recorded->detail);
        if ($recorded->eventType !== 'MarkerRecorded') {
            return $name;
        }
        return rtrim(str_replace('_', ' ', $recorded->kind->value) . " $name");
    }

    /** "charge", "30s", "OrderWorkflow (order-42)": the name, and beside it the detail. */
    private static function name(?string $name, ?string $detail): string
    {
        $text = match (true) {
            $name !== null && $name !== '' && $detail !== null => "$name ($detail)",
            $name !== null && $name !== '' => $name,
            default => $detail ?? '',
        };
        return \strlen($text) > self::NAME_WIDTH ? substr($text, 0, self::NAME_WIDTH - 3) . '...' : $text;
    }

    /**
     * @param list<string> $line
     * @param array<int, int> $widths
     */
    private static function join(array $line, array $widths): string
    {
        if (\count($line) === 3) {
            // Under the history column, where the rows it stands for would start.
            return rtrim(str_repeat(' ', $widths[0] + $widths[1] + 4) . $line[2]);
        }
        $padded = [];
        foreach ($line as $column => $text) {
            // Event ids line up on the right, like numbers.
            $padded[] = $column === 1 ? str_pad($text, $widths[$column], ' ', STR_PAD_LEFT) : str_pad($text, $widths[$column]);
        }
        return rtrim(implode('  ', $padded));
    }

    private static function foldNoun(RowStatus $status): string
    {
        return match ($status) {
            RowStatus::Match => 'matching steps',
            RowStatus::NotReached => 'recorded steps not reached',
            default => 'new commands',
        };
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

/**
 * Explains a non-determinism error: where the commands the code produces on replay leave the steps history
 * recorded, and which change to the code most likely did it. The core only says which event did not fit;
 * this says "activity 'reserve' was renamed to 'hold' (src/Orders.php:38)".
 *
 * What counts as a divergence is what fails the core's replay: a step's place, its kind, and the names the
 * core checks (activity and child workflow types, patch ids). A timer's duration, a signal's name or an
 * upsert's keys are shown but not compared, as the core does not compare them.
 */
final class DivergenceExplainer
{
    /**
     * @param list<RecordedStep> $recorded what history recorded, in event order (RecordedStep::fromHistory())
     * @param list<ProducedCommand> $produced what the code emitted on replay, in emission order
     */
    public static function explain(array $recorded, array $produced): DivergenceReport
    {
        $alignment = new Alignment($recorded, $produced);
        $firstDivergence = null;
        foreach ($alignment->rows as $index => $row) {
            if ($row->status->isDivergence()) {
                $firstDivergence = $index;
                break;
            }
        }
        $change = new LikelyChange($alignment->rows, $firstDivergence, $alignment->leftOut);
        return new DivergenceReport($alignment->rows, $firstDivergence, $change->sentence, $change->fix, $change->notes);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Workflow\Determinism;

use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;
use TrueAsync\Temporal\Tests\Unit\Workflow\Determinism\HistoryEvents as E;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;
use TrueAsync\Temporal\Workflow\Determinism\RecordedStep;
use TrueAsync\Temporal\Workflow\Determinism\StepKind;

/**
 * The common changes to a workflow, each as the history an open run recorded and the commands the changed
 * code produces when it replays that history. A replay stops at the first command that does not fit, so the
 * code's side ends there, as it does in the worker.
 *
 * The workflow, src/Orders.php, as the runs recorded it:
 *
 *     38  Workflow::executeActivity('reserve', [$orderId], $options);
 *     40  Workflow::timer(30);
 *     42  Workflow::executeActivity('charge', [$orderId], $options);
 *     44  return 'done';
 */
final class Scenarios
{
    public const FILE = 'src/Orders.php';

    /** @return list<RecordedStep> reserve (event 5), timer (11), charge (16), completion (22) */
    public static function ordersHistory(): array
    {
        return self::history(
            E::started(1),
            E::taskCompleted(4),
            E::activityScheduled(5, 'reserve'),
            E::activityCompleted(7, 5),
            E::taskCompleted(10),
            E::timerStarted(11, 30),
            E::timerFired(12),
            E::taskCompleted(15),
            E::activityScheduled(16, 'charge'),
            E::activityCompleted(18, 16),
            E::taskCompleted(21),
            E::completed(22),
        );
    }

    /**
     * Recorded by the code that guarded the switch from 'reserve' to 'hold':
     * `if (Workflow::patched('use-hold')) { hold } else { reserve }`.
     *
     * @return list<RecordedStep> patch (event 5), hold (7), timer (13), charge (18), completion (24)
     */
    public static function patchedOrdersHistory(): array
    {
        return self::history(
            E::started(1),
            E::taskCompleted(4),
            E::patchMarker(5, 'use-hold'),
            E::searchAttributesUpserted(6, ['TemporalChangeVersion']),
            E::activityScheduled(7, 'hold'),
            E::activityCompleted(9, 7),
            E::taskCompleted(12),
            E::timerStarted(13, 30),
            E::timerFired(14),
            E::taskCompleted(17),
            E::activityScheduled(18, 'charge'),
            E::activityCompleted(20, 18),
            E::taskCompleted(23),
            E::completed(24),
        );
    }

    /** @return list<ProducedCommand> the code failed, or waits, before its first command */
    public static function nothing(): array
    {
        return [];
    }

    /** @return list<ProducedCommand> the unchanged code, replayed to its end */
    public static function unchanged(): array
    {
        return [self::reserve(38), self::timer(40, '30s'), self::charge(42), self::complete(44)];
    }

    /** @return list<ProducedCommand> `Workflow::timer(5);` inserted at line 42, before the charge */
    public static function timerAdded(): array
    {
        return [self::reserve(38), self::timer(40, '30s'), self::timer(42, '5s')];
    }

    /** @return list<ProducedCommand> the reserve call deleted */
    public static function reserveRemoved(): array
    {
        return [self::timer(40, '30s')];
    }

    /** @return list<ProducedCommand> 'reserve' replaced with 'hold', unguarded */
    public static function reserveRenamed(): array
    {
        return [new ProducedCommand(StepKind::Activity, 'hold', null, self::FILE, 38)];
    }

    /** @return list<ProducedCommand> the timer made 60 seconds */
    public static function timerLengthened(): array
    {
        return [self::reserve(38), self::timer(40, '60s'), self::charge(42), self::complete(44)];
    }

    /** @return list<ProducedCommand> the charge moved above the timer: the replay stops at the charge */
    public static function chargeMovedUp(): array
    {
        return [self::reserve(38), self::charge(40)];
    }

    /**
     * A run whose timer and charge start together (`$deadline = Workflow::async(fn () => Workflow::timer(30));`
     * at :40, then the charge at :42): one workflow task records both.
     *
     * @return list<RecordedStep> reserve (event 5), timer (11), charge (12), completion (22)
     */
    public static function concurrentHistory(): array
    {
        return self::history(
            E::started(1),
            E::taskCompleted(4),
            E::activityScheduled(5, 'reserve'),
            E::activityCompleted(7, 5),
            E::taskCompleted(10),
            E::timerStarted(11, 30),
            E::activityScheduled(12, 'charge'),
            E::activityCompleted(14, 12),
            E::timerFired(15),
            E::taskCompleted(21),
            E::completed(22),
        );
    }

    /** @return list<ProducedCommand> the two lines of concurrentHistory() swapped */
    public static function concurrentSwapped(): array
    {
        return [self::reserve(38), self::charge(40), self::timer(42, '30s')];
    }

    /** @return list<ProducedCommand> `Workflow::patched('use-hold')` deleted, the new call kept */
    public static function patchedCallDropped(): array
    {
        return [new ProducedCommand(StepKind::Activity, 'hold', null, self::FILE, 38)];
    }

    /** @return list<ProducedCommand> `Workflow::patched('use-hold')` deleted, the old call back */
    public static function patchedCallReverted(): array
    {
        return [self::reserve(38)];
    }

    /** @return list<ProducedCommand> the code threw after the reservation */
    public static function failedAfterReserve(): array
    {
        return [self::reserve(38), new ProducedCommand(StepKind::Fail, null, 'stock is empty', self::FILE, 39)];
    }

    /** @return list<ProducedCommand> the code waits (or failed its task) after the timer */
    public static function stoppedAfterTimer(): array
    {
        return [self::reserve(38), self::timer(40, '30s')];
    }

    /** @return list<RecordedStep> src/Fulfil.php started child 'ShipOrderV1' (event 5) */
    public static function fulfilHistory(): array
    {
        return self::history(E::started(1), E::taskCompleted(4), E::childInitiated(5, 'ShipOrderV1', 'ship-order-7'));
    }

    /** @return list<ProducedCommand> the child's type renamed to 'ShipOrder' */
    public static function childRenamed(): array
    {
        return [new ProducedCommand(StepKind::ChildWorkflow, 'ShipOrder', 'ship-order-7', 'src/Fulfil.php', 27, 1)];
    }

    public static function reserve(int $line): ProducedCommand
    {
        return new ProducedCommand(StepKind::Activity, 'reserve', null, self::FILE, $line);
    }

    public static function charge(int $line): ProducedCommand
    {
        return new ProducedCommand(StepKind::Activity, 'charge', null, self::FILE, $line);
    }

    public static function timer(int $line, string $duration, ?int $seq = null): ProducedCommand
    {
        return new ProducedCommand(StepKind::Timer, null, $duration, self::FILE, $line, $seq);
    }

    public static function complete(int $line): ProducedCommand
    {
        return new ProducedCommand(StepKind::Complete, null, null, self::FILE, $line);
    }

    /** @return list<RecordedStep> */
    private static function history(HistoryEvent ...$events): array
    {
        return RecordedStep::fromHistory(new History(['events' => $events]));
    }
}

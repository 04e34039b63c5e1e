<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Interceptor;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\Schedule\ScheduleBackfill;
use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\HeaderMessage;
use TrueAsync\Temporal\Interceptor\ScheduleClient\BackfillScheduleInput;
use TrueAsync\Temporal\Interceptor\ScheduleClient\UpdateScheduleInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;

/** The with*() copies of the client-side interceptor inputs, and the header's message. */
final class ClientInputsTest extends TestCase
{
    public function testACopyChangesOnlyItsPropertyAndLeavesTheOriginalAsItWas(): void
    {
        $header = Header::empty(DataConverter::default());
        $input = new StartUpdateInput(new WorkflowExecution('wf', 'run'), UpdateOptions::new('add'), [1], $header);

        $tagged = $header->withValue('tenant', 'acme');
        $copy = $input->withArgs(['a' => 2, 'b' => 3])->withHeader($tagged);

        self::assertSame([1], $input->args);
        self::assertSame($header, $input->header);
        self::assertSame([2, 3], $copy->args, 'arguments are a list, in order');
        self::assertSame('acme', $copy->header->getValue('tenant'));
        self::assertSame($input->execution, $copy->execution);
        self::assertSame($input->options, $copy->options);
    }

    public function testEveryPropertyOfAWithStartInputSurvivesACopy(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue('q');
        $update = UpdateOptions::new('add')->withUpdateId('u-1');
        $input = new UpdateWithStartInput('Type', ['x'], $options, $update, [1], Header::empty(DataConverter::default()));

        $copy = $input->withUpdateArgs([5]);

        self::assertSame(['Type', ['x'], $options, $update, [5], $input->header], [
            $copy->workflowType, $copy->args, $copy->options, $copy->update, $copy->updateArgs, $copy->header,
        ]);
    }

    public function testAQueryInputsResultTypeCanBeChanged(): void
    {
        $input = new QueryInput(new WorkflowExecution('wf'), 'total', [], null, Header::empty(DataConverter::default()));

        self::assertSame('int', $input->withResultType('int')->resultType);
        self::assertNull($input->resultType);
    }

    public function testScheduleInputsTakeAnyCallableAndVariadicBackfills(): void
    {
        $header = Header::empty(DataConverter::default());
        $update = new UpdateScheduleInput('s', fn (): null => null, $header);
        $backfill = new ScheduleBackfill(new \DateTimeImmutable('2026-01-01'), new \DateTimeImmutable('2026-01-02'));

        $copy = $update->withUpdater('is_object');

        self::assertTrue(($copy->updater)(new \stdClass()));
        self::assertSame([$backfill], (new BackfillScheduleInput('s', []))->withBackfills($backfill)->backfills);
    }

    public function testAnEmptyHeaderHasNoMessageSoACallWithoutOneSendsNoHeaderField(): void
    {
        $header = Header::empty(DataConverter::default());

        self::assertNull(HeaderMessage::of($header));
        $message = HeaderMessage::of($header->withValue('tenant', 'acme'));
        self::assertSame(['tenant'], array_keys(iterator_to_array($message->getFields())));
    }
}

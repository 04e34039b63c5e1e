<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Interceptor;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\TimerInput;
use TrueAsync\Temporal\Workflow\ActivityOptions;

/** The with*() copies of the workflow interceptors' inputs: the original stays as it was. */
final class WorkflowInputsTest extends TestCase
{
    public function testWithArgsAndWithHeaderCopyAndKeepTheRest(): void
    {
        $header = Header::empty(DataConverter::default());
        $input = new SignalInput('add', [1], $header);

        $changed = $input->withArgs(['n' => 10])->withHeader($header->withValue('tenant', 'acme'));

        self::assertSame([[1], 0], [$input->args, \count($input->header)]);
        self::assertSame(['add', [10], 'acme'], [$changed->signalName, $changed->args, $changed->header->getValue('tenant')]);
    }

    public function testWithOptionsReplacesTheOptionsOnly(): void
    {
        $input = new ExecuteActivityInput('greet', ['Ada'], ActivityOptions::new(), 'string', Header::empty(DataConverter::default()));
        $options = ActivityOptions::new()->withStartToCloseTimeout(5);

        $changed = $input->withOptions($options);

        self::assertSame([$options, 'greet', ['Ada'], 'string'], [$changed->options, $changed->activityType, $changed->args, $changed->returnType]);
        self::assertNotSame($options, $input->options);
    }

    public function testATimerRefusesWhatSleepRefuses(): void
    {
        self::assertSame(0.0, (new TimerInput(1.0))->withSeconds(-3)->seconds, 'a past deadline waits no time');
        $this->expectException(\ValueError::class);
        (new TimerInput(1.0))->withSeconds(NAN);
    }
}

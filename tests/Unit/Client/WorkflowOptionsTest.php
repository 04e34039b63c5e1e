<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Client;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\WorkflowOptions;

final class WorkflowOptionsTest extends TestCase
{
    public function testDefaultsLeaveIdAndTimeoutsToTheServer(): void
    {
        $options = WorkflowOptions::new();

        $this->assertNull($options->getWorkflowId());
        $this->assertNull($options->getTaskQueue());
        $this->assertSame(0.0, $options->getWorkflowExecutionTimeout());
        $this->assertSame(0.0, $options->getWorkflowRunTimeout());
        $this->assertSame(0.0, $options->getWorkflowTaskTimeout());
    }

    public function testTimeoutsAcceptSecondsAndIntervals(): void
    {
        $options = WorkflowOptions::new()
            ->withWorkflowExecutionTimeout(new \DateInterval('PT1H2M'))
            ->withWorkflowRunTimeout(90)
            ->withWorkflowTaskTimeout(2.5);

        $this->assertSame(3720.0, $options->getWorkflowExecutionTimeout());
        $this->assertSame(90.0, $options->getWorkflowRunTimeout());
        $this->assertSame(2.5, $options->getWorkflowTaskTimeout());
    }

    public function testWithersReturnCopiesAndLeaveTheOriginalUnchanged(): void
    {
        $original = WorkflowOptions::new()->withTaskQueue('a');

        $changed = $original->withTaskQueue('b')->withWorkflowId('order-1');

        $this->assertSame('a', $original->getTaskQueue());
        $this->assertNull($original->getWorkflowId());
        $this->assertSame('b', $changed->getTaskQueue());
        $this->assertSame('order-1', $changed->getWorkflowId());
    }

    public function testANegativeTimeoutIsRejected(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('WorkflowOptions::withWorkflowRunTimeout(): the duration must not be negative, got -1');
        WorkflowOptions::new()->withWorkflowRunTimeout(-1);
    }
}

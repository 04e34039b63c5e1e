<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\DefaultFailureConverter;
use TrueAsync\Temporal\Exception\Failure\ActivityFailure;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\Failure\CanceledFailure;
use TrueAsync\Temporal\Exception\Failure\ChildWorkflowFailure;
use TrueAsync\Temporal\Exception\Failure\RetryState;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;
use TrueAsync\Temporal\Tests\Interop\XorCodec;

final class DefaultFailureConverterTest extends TestCase
{
    public function testAFailureChainRoundTrips(): void
    {
        $converter = DataConverter::default();
        $chain = ChildWorkflowFailure::create(
            'child failed',
            'default',
            new WorkflowExecution('child-1', 'run-1'),
            'ChildWorkflow',
            RetryState::NonRetryableFailure,
            previous: ActivityFailure::create(
                'activity failed',
                'charge',
                '7',
                RetryState::MaximumAttemptsReached,
                previous: ApplicationFailure::create('declined', 'CardError', true, ['d', 1], nextRetryDelay: 1.5),
            ),
        );

        $failure = (new DefaultFailureConverter())->toFailure($chain, $converter);
        $back = (new DefaultFailureConverter())->toException($failure, $converter);

        $this->assertSame('TrueAsyncPHPSDK', $failure->getSource());
        $this->assertInstanceOf(ChildWorkflowFailure::class, $back);
        $this->assertEquals(new WorkflowExecution('child-1', 'run-1'), $back->getExecution());
        $activity = $back->getPrevious();
        $this->assertInstanceOf(ActivityFailure::class, $activity);
        $this->assertSame(RetryState::MaximumAttemptsReached, $activity->getRetryState());
        $application = $activity->getPrevious();
        $this->assertInstanceOf(ApplicationFailure::class, $application);
        $this->assertSame(['declined', 'CardError', true, ['d', 1], 1.5], [
            $application->getMessage(),
            $application->getType(),
            $application->isNonRetryable(),
            $application->getDetails(),
            $application->getNextRetryDelay(),
        ]);
    }

    public function testAnyOtherExceptionBecomesAnApplicationFailureNamedByItsClass(): void
    {
        $converter = DataConverter::default();

        $exception = new \DomainException('bad', 0, new \LogicException('why'));

        $failure = (new DefaultFailureConverter())->toFailure($exception, $converter);

        $this->assertSame('bad', $failure->getMessage());
        $this->assertSame('DomainException', $failure->getApplicationFailureInfo()->getType());
        $this->assertStringContainsString('#0', $failure->getStackTrace());
        $this->assertSame('LogicException', $failure->getCause()->getApplicationFailureInfo()->getType());
    }

    public function testEncodedCommonAttributesHideMessageAndStackTraceBehindTheCodec(): void
    {
        $converter = DataConverter::default()->withCodecs(new XorCodec());
        $cause = CanceledFailure::create('stop');
        $original = TimeoutFailure::create('took too long', TimeoutType::Heartbeat, [3], $cause);

        $failure = (new DefaultFailureConverter(true))->toFailure($original, $converter);
        $back = (new DefaultFailureConverter())->toException($failure, $converter);

        $this->assertSame(['Encoded failure', ''], [$failure->getMessage(), $failure->getStackTrace()]);
        $this->assertSame('binary/xor-test', $failure->getEncodedAttributes()->getMetadata()['encoding']);
        $this->assertSame('Encoded failure', $failure->getCause()->getMessage());
        $this->assertInstanceOf(TimeoutFailure::class, $back);
        $this->assertSame(['took too long', TimeoutType::Heartbeat, [3]], [
            $back->getMessage(),
            $back->getTimeoutType(),
            $back->getLastHeartbeatDetails(),
        ]);
        $this->assertSame('stop', $back->getPrevious()->getMessage());
    }
}

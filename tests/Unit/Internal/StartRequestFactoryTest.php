<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Internal;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Api\Enums\V1\WorkflowIdConflictPolicy as ConflictProto;
use TrueAsync\Temporal\Api\Enums\V1\WorkflowIdReusePolicy as ReuseProto;
use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowIdReusePolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\StartRequestFactory;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;

final class StartRequestFactoryTest extends TestCase
{
    public function testOptionsAndArgumentsFillTheRequest(): void
    {
        $input = DataConverter::default()->toPayloads(['a', 1]);
        $options = WorkflowOptions::new()
            ->withWorkflowId('order-1')
            ->withTaskQueue('orders')
            ->withWorkflowExecutionTimeout(3600)
            ->withWorkflowRunTimeout(60.25)
            ->withWorkflowTaskTimeout(10);

        $request = StartRequestFactory::create('ns', 'me@host', 'OrderWorkflow', $input, $options);

        $this->assertSame('ns', $request->getNamespace());
        $this->assertSame('me@host', $request->getIdentity());
        $this->assertSame('order-1', $request->getWorkflowId());
        $this->assertSame('OrderWorkflow', $request->getWorkflowType()->getName());
        $this->assertSame('orders', $request->getTaskQueue()->getName());
        $this->assertSame($input, $request->getInput());
        $this->assertEquals(3600, $request->getWorkflowExecutionTimeout()->getSeconds());
        $this->assertEquals(60, $request->getWorkflowRunTimeout()->getSeconds());
        $this->assertSame(250_000_000, $request->getWorkflowRunTimeout()->getNanos());
        $this->assertEquals(10, $request->getWorkflowTaskTimeout()->getSeconds());
        $uuid4 = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/';
        $this->assertMatchesRegularExpression($uuid4, $request->getRequestId());
    }

    public function testPoliciesMemoSearchAttributesAndMetadataFillTheRequest(): void
    {
        $options = WorkflowOptions::new()
            ->withTaskQueue('q')
            ->withRetryPolicy(RetryPolicy::new()->withInitialInterval(1.5)->withBackoffCoefficient(3.0)
                ->withMaximumInterval(60)->withMaximumAttempts(4)->withNonRetryableErrorTypes('Fatal'))
            ->withIdReusePolicy(WorkflowIdReusePolicy::RejectDuplicate)
            ->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting)
            ->withMemo(['owner' => 'zoë', 'n' => 1])
            ->withSearchAttributes(SearchAttributes::empty()
                ->withValue(SearchAttributeKey::forKeyword('Customer'), 'c-1')
                ->withValue(SearchAttributeKey::forDatetime('Due'), new \DateTimeImmutable('2026-01-02T03:04:05.5Z'))
                ->withValue(SearchAttributeKey::forKeywordList('Tags'), ['a', 'b']))
            ->withCronSchedule('0 * * * *')
            ->withStartDelay(2)
            ->withStaticSummary('sum')
            ->withStaticDetails('details');

        $request = StartRequestFactory::create('ns', 'me', 'T', null, $options, DataConverter::default());

        $retry = $request->getRetryPolicy();
        $this->assertSame([1, 500_000_000, 3.0, 60, 4, ['Fatal']], [
            (int) $retry->getInitialInterval()->getSeconds(),
            $retry->getInitialInterval()->getNanos(),
            $retry->getBackoffCoefficient(),
            (int) $retry->getMaximumInterval()->getSeconds(),
            $retry->getMaximumAttempts(),
            iterator_to_array($retry->getNonRetryableErrorTypes()),
        ]);
        $this->assertSame(ReuseProto::WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE, $request->getWorkflowIdReusePolicy());
        $conflict = $request->getWorkflowIdConflictPolicy();
        $this->assertSame(ConflictProto::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING, $conflict);
        $this->assertSame('"zo\\u00eb"', $request->getMemo()->getFields()['owner']->getData());
        $fields = $request->getSearchAttributes()->getIndexedFields();
        $this->assertSame('"c-1"', $fields['Customer']->getData());
        $this->assertSame('Keyword', $fields['Customer']->getMetadata()['type']);
        $this->assertSame('"2026-01-02T03:04:05.500000+00:00"', $fields['Due']->getData());
        $this->assertSame('Datetime', $fields['Due']->getMetadata()['type']);
        $this->assertSame('["a","b"]', $fields['Tags']->getData());
        $this->assertSame('0 * * * *', $request->getCronSchedule());
        $this->assertEquals(2, $request->getWorkflowStartDelay()->getSeconds());
        $this->assertSame('"sum"', $request->getUserMetadata()->getSummary()->getData());
        $this->assertSame('"details"', $request->getUserMetadata()->getDetails()->getData());
    }

    public function testUnsetOptionsLeaveTheServerDefaults(): void
    {
        $request = StartRequestFactory::create('ns', 'me', 'T', null, WorkflowOptions::new()->withTaskQueue('q'));

        $this->assertNull($request->getInput());
        $this->assertNull($request->getWorkflowExecutionTimeout());
        $this->assertNull($request->getWorkflowRunTimeout());
        $this->assertNull($request->getWorkflowTaskTimeout());
        $this->assertNull($request->getRetryPolicy());
        $this->assertNull($request->getMemo());
        $this->assertNull($request->getSearchAttributes());
        $this->assertNull($request->getUserMetadata());
        $this->assertSame(0, $request->getWorkflowIdReusePolicy());
        $this->assertMatchesRegularExpression('/^[0-9a-f-]{36}$/', $request->getWorkflowId());
    }

    public function testEachStartGetsItsOwnRequestId(): void
    {
        $options = WorkflowOptions::new()->withTaskQueue('q')->withWorkflowId('same');

        $first = StartRequestFactory::create('ns', 'me', 'T', null, $options);
        $second = StartRequestFactory::create('ns', 'me', 'T', null, $options);

        $this->assertNotSame($first->getRequestId(), $second->getRequestId());
    }

    public function testATaskQueueIsRequired(): void
    {
        $this->expectException(\ValueError::class);
        $this->expectExceptionMessage('WorkflowOptions has no task queue: call withTaskQueue()');
        StartRequestFactory::create('ns', 'me', 'T', null, WorkflowOptions::new());
    }
}

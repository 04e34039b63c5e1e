<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowIdReusePolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\Failure\TimeoutFailure;
use TrueAsync\Temporal\Exception\Failure\TimeoutType;
use TrueAsync\Temporal\Exception\WorkflowAlreadyStartedException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\TestSearchAttributes as Sa;

/** WorkflowOptions as a Python workflow and describe() see them. */
final class StartOptionsTest extends ServerTestCase
{
    public function testMemoAndTypedSearchAttributesReachThePythonWorkflowAndDescribe(): void
    {
        Sa::register(self::address());
        $due = new \DateTimeImmutable('2026-03-04T05:06:07+00:00');
        $attributes = SearchAttributes::empty()
            ->withValue(Sa::keyword(), 'kw-1')
            ->withValue(Sa::text(), 'free text')
            ->withValue(Sa::int(), 42)
            ->withValue(Sa::double(), 2.5)
            ->withValue(Sa::bool(), true)
            ->withValue(Sa::datetime(), $due)
            ->withValue(Sa::keywordList(), ['a', 'b']);
        $options = WorkflowOptions::new()
            ->withMemo(['owner' => 'zoë', 'limits' => ['max' => 3]])
            ->withSearchAttributes($attributes)
            ->withStaticSummary('a summary')
            ->withStaticDetails('some **details**');

        $handle = self::startWorkflow('MemoWorkflow', [], $options);
        $result = $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame(['limits' => ['max' => 3], 'owner' => 'zoë'], $this->sorted($result['memo']));
        $seen = $result['search_attributes'];
        $this->assertSame(['kw-1', 'free text', 42, 2.5, true, ['a', 'b']], [
            $seen['PhpKeyword'], $seen['PhpText'], $seen['PhpInt'], $seen['PhpDouble'], $seen['PhpBool'],
            $seen['PhpKeywordList'],
        ]);
        $this->assertEquals($due, new \DateTimeImmutable($seen['PhpDatetime']));
        $description = $handle->describe();
        $this->assertSame(['limits' => ['max' => 3], 'owner' => 'zoë'], $this->sorted($description->getMemo()));
        $this->assertSame('zoë', $description->getMemoValue('owner', 'string'));
        $described = $description->getSearchAttributes();
        $this->assertSame(42, $described->get(Sa::int()));
        $this->assertSame(['a', 'b'], $described->get(Sa::keywordList()));
        $this->assertEquals($due, $described->get(Sa::datetime()));
        $this->assertSame(['a summary', 'some **details**'], [
            $description->getStaticSummary(),
            $description->getStaticDetails(),
        ]);
    }

    public function testIdConflictPolicyUseExistingReturnsTheRunningRun(): void
    {
        $first = self::startWorkflow('LongWorkflow');
        try {
            $options = WorkflowOptions::new()
                ->withWorkflowId($first->getId())
                ->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting);

            $second = self::startWorkflow('LongWorkflow', [], $options);

            $this->assertSame($first->getRunId(), $second->getRunId());
        } finally {
            $first->terminate('test done');
        }
    }

    public function testIdReusePolicyRejectDuplicateRefusesAClosedId(): void
    {
        $options = WorkflowOptions::new()->withIdReusePolicy(WorkflowIdReusePolicy::RejectDuplicate);
        $first = self::startWorkflow('EchoWorkflow', [1], $options);
        $first->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->expectException(WorkflowAlreadyStartedException::class);
        self::startWorkflow('EchoWorkflow', [2], $options->withWorkflowId($first->getId()));
    }

    public function testARunTimeoutEndsTheRunWithATimeoutFailure(): void
    {
        $handle = self::startWorkflow('LongWorkflow', [], WorkflowOptions::new()->withWorkflowRunTimeout(1));

        try {
            $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
            $this->fail('result() returned for a timed-out workflow');
        } catch (WorkflowFailedException $e) {
            $this->assertInstanceOf(TimeoutFailure::class, $e->getFailure());
            $this->assertSame(TimeoutType::StartToClose, $e->getFailure()->getTimeoutType());
        }
    }

    public function testAStartDelayHoldsTheFirstWorkflowTask(): void
    {
        $started = hrtime(true);
        $handle = self::startWorkflow('EchoWorkflow', ['late'], WorkflowOptions::new()->withStartDelay(1.5));

        $this->assertSame(['late'], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertGreaterThanOrEqual(1.5, (hrtime(true) - $started) / 1e9);
    }

    private function sorted(array $values): array
    {
        ksort($values);
        return $values;
    }
}

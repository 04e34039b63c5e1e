<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\WorkflowExecutionDescription;
use TrueAsync\Temporal\Client\WorkflowExecutionStatus;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Exception\InvalidArgumentException;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\TestSearchAttributes as Sa;

/** Client::listWorkflows() and countWorkflows() with visibility queries on a search attribute. */
final class ListWorkflowsTest extends ServerTestCase
{
    public function testListAndCountFindTheWorkflowsTaggedWithASearchAttributeAcrossPages(): void
    {
        Sa::register(self::address());
        $tag = self::uniqueId('batch');
        $options = WorkflowOptions::new()
            ->withMemo(['tag' => $tag])
            ->withSearchAttributes(SearchAttributes::empty()->withValue(Sa::keyword(), $tag));
        $ids = [];
        for ($i = 0; $i < 5; $i++) {
            $handle = self::startWorkflow('EchoWorkflow', [$i], $options);
            $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
            $ids[] = $handle->getId();
        }
        $query = "PhpKeyword = '$tag'";

        $count = self::eventually(fn () => self::client()->countWorkflows($query), 5);
        // The close of each run reaches visibility a little after its start.
        $closed = "$query AND ExecutionStatus = 'Completed'";
        $this->assertSame(5, self::eventually(fn () => self::client()->countWorkflows($closed), 5));
        $listed = iterator_to_array(self::client()->listWorkflows($query, 2), false);

        $this->assertSame(5, $count);
        $this->assertCount(5, $listed);
        $this->assertEqualsCanonicalizing($ids, array_map(
            fn (WorkflowExecutionDescription $d) => $d->getExecution()->getWorkflowId(),
            $listed,
        ));
        foreach ($listed as $description) {
            $this->assertSame(WorkflowExecutionStatus::Completed, $description->getStatus());
            $this->assertSame('EchoWorkflow', $description->getWorkflowType());
            $this->assertSame(['tag' => $tag], $description->getMemo());
            $this->assertSame($tag, $description->getSearchAttributes()->get(Sa::keyword()));
        }
    }

    public function testNothingIsFetchedBeforeIterationAndABadQueryThrowsThen(): void
    {
        $iterator = self::client()->listWorkflows('NoSuchAttribute = 1');

        $this->expectException(InvalidArgumentException::class);
        $iterator->valid();
    }
}

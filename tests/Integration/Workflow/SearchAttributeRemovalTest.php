<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow;

use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\Tests\Integration\TestSearchAttributes as Attrs;
use TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures\SearchAttributeStepsWorkflow;

require_once __DIR__ . '/Fixtures/SearchAttributeStepsWorkflow.php';

/**
 * Sets and removals of search attributes, one upsert per step: after each, the workflow's own view (the
 * update's answer and a query) equals describe()'s search attributes and the expected values.
 */
class SearchAttributeRemovalTest extends WorkflowWorkerTestCase
{
    public function testAfterEverySetAndRemovalTheWorkflowsViewEqualsDescribe(): void
    {
        Attrs::register(self::address());
        $handle = self::client()->start('PhpSearchAttributeSteps', [], WorkflowOptions::new()
            ->withTaskQueue(self::$queue)->withWorkflowId('sa-steps-' . bin2hex(random_bytes(6)))
            ->withSearchAttributes(SearchAttributes::empty()
                ->withValue(Attrs::keyword(), 'started')->withValue(Attrs::int(), 1)));
        $steps = [
            'remove a start value, set two' => [
                [['remove', 'PhpKeyword', 'Keyword'], ['set', 'PhpText', 'Text', 'some text'], ['set', 'PhpDouble', 'Double', 1.5]],
                ['PhpDouble' => 1.5, 'PhpInt' => 1, 'PhpText' => 'some text'],
            ],
            'remove a value and a key never set, set a list' => [
                [['remove', 'PhpInt', 'Int'], ['remove', 'PhpBool', 'Bool'], ['set', 'PhpKeywordList', 'KeywordList', ['x', 'y']]],
                ['PhpDouble' => 1.5, 'PhpKeywordList' => ['x', 'y'], 'PhpText' => 'some text'],
            ],
            'set a removed key again, remove another' => [
                [['set', 'PhpKeyword', 'Keyword', 'again'], ['remove', 'PhpText', 'Text']],
                ['PhpDouble' => 1.5, 'PhpKeyword' => 'again', 'PhpKeywordList' => ['x', 'y']],
            ],
            'set then remove in one upsert' => [
                [['set', 'PhpBool', 'Bool', true], ['remove', 'PhpBool', 'Bool'], ['set', 'PhpDatetime', 'Datetime', '2030-01-02T03:04:05.000006Z']],
                ['PhpDatetime' => '2030-01-02T03:04:05.000006Z', 'PhpDouble' => 1.5, 'PhpKeyword' => 'again', 'PhpKeywordList' => ['x', 'y']],
            ],
            'remove everything' => [
                [['remove', 'PhpDatetime', 'Datetime'], ['remove', 'PhpDouble', 'Double'], ['remove', 'PhpKeyword', 'Keyword'],
                    ['remove', 'PhpKeywordList', 'KeywordList']],
                [],
            ],
            'set after removing everything' => [
                [['set', 'PhpInt', 'Int', 7]],
                ['PhpInt' => 7],
            ],
        ];
        self::assertSame(['PhpInt' => 1, 'PhpKeyword' => 'started'], $handle->query('view'), 'the start values');
        foreach ($steps as $step => [$operations, $expected]) {
            self::assertSame($expected, $handle->update('upsert', $operations), "$step: the update's view");
            self::assertSame($expected, $handle->query('view'), "$step: the query's view");
            $described = SearchAttributeStepsWorkflow::normalized($handle->describe()->getSearchAttributes());
            self::assertSame($expected, $described, "$step: describe()");
        }
        $handle->signal('finish');
        self::assertSame(['PhpInt' => 7], $handle->result(timeoutSeconds: 30));
    }
}

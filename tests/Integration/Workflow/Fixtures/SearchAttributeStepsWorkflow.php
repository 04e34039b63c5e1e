<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\SearchAttributes\SearchAttributeKey;
use TrueAsync\Temporal\SearchAttributes\SearchAttributes;
use TrueAsync\Temporal\SearchAttributes\SearchAttributeType;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\UpdateMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/**
 * Upserts search attributes as its updates say: each update is one upsert of sets and removals, and returns
 * the workflow's own view after it, as the "view" query does. An update completes with its workflow task, so
 * describe() shows the server's copy of the same moment.
 */
#[WorkflowInterface]
final class SearchAttributeStepsWorkflow
{
    private bool $finished = false;

    #[WorkflowMethod(name: 'PhpSearchAttributeSteps')]
    public function run(): array
    {
        Workflow::await(fn (): bool => $this->finished);
        return self::view();
    }

    /**
     * @param list<array{0: string, 1: string, 2: string, 3?: mixed}> $operations
     *        ['set', name, type, value] or ['remove', name, type]; a Datetime value is an RFC 3339 string
     */
    #[UpdateMethod]
    public function upsert(array $operations): array
    {
        $update = SearchAttributes::empty();
        foreach ($operations as $operation) {
            $key = SearchAttributeKey::for($operation[1], SearchAttributeType::from($operation[2]));
            $update = $operation[0] === 'set'
                ? $update->withValue($key, $key->getType() === SearchAttributeType::Datetime
                    ? new \DateTimeImmutable($operation[3]) : $operation[3])
                : $update->withoutValue($key);
        }
        Workflow::upsertSearchAttributes($update);
        return self::view();
    }

    /** The workflow's own view of its Php* attributes: name => value, datetimes as UTC RFC 3339, by name. */
    #[QueryMethod]
    public function view(): array
    {
        return self::normalized(Workflow::getSearchAttributes());
    }

    #[SignalMethod]
    public function finish(): void
    {
        $this->finished = true;
    }

    /** The same normal form for the workflow's view and for describe()'s. */
    public static function normalized(SearchAttributes $attributes): array
    {
        $values = [];
        foreach ($attributes as $name => $value) {
            if (str_starts_with($name, 'Php')) {
                $values[$name] = $value instanceof \DateTimeInterface
                    ? \DateTimeImmutable::createFromInterface($value)->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s.u\Z')
                    : $value;
            }
        }
        ksort($values);
        return $values;
    }
}

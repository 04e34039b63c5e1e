<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\LocalActivityOptions;

/**
 * Calls an activity interface's methods as (local) activities from workflow code: $stub->charge(250) runs the
 * activity "prefix.charge" and returns its result decoded as the method's declared return type.
 *
 * @internal
 */
final class ActivityStub
{
    /** @var array<string, array{string, ?string}> method => [activity type, return type] */
    private array $methods = [];

    public function __construct(string $interface, private readonly ActivityOptions|LocalActivityOptions $options)
    {
        $class = new \ReflectionClass($interface);
        $prefix = ($class->getAttributes(ActivityInterface::class)[0] ?? null)?->newInstance()->prefix ?? '';
        foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
            $name = ($method->getAttributes(ActivityMethod::class)[0] ?? null)?->newInstance()->name;
            $return = $method->getReturnType();
            $this->methods[strtolower($method->getName())] = [
                $prefix . ($name ?? $method->getName()),
                $return instanceof \ReflectionNamedType && !\in_array($return->getName(), ['void', 'never', 'mixed'], true)
                    ? (string) $return : null,
            ];
        }
    }

    /** @param list<mixed> $arguments */
    public function __call(string $method, array $arguments): mixed
    {
        [$type, $returnType] = $this->methods[strtolower($method)] ?? throw new \BadMethodCallException(
            "$method is not a method of the activity interface"
        );
        $context = WorkflowRun::current()->context;
        return $this->options instanceof LocalActivityOptions
            ? $context->executeLocalActivity($type, $arguments, $this->options, $returnType)
            : $context->executeActivity($type, $arguments, $this->options, $returnType);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal;

use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;

/**
 * One activity type: how to decode its arguments and what to call.
 *
 * @internal
 */
final class ActivityDefinition
{
    /** @param list<?string> $parameterTypes the declared PHP type of each parameter (null: natural) */
    private function __construct(
        public readonly string $name,
        private readonly \Closure $handler,
        private readonly array $parameterTypes,
        private readonly bool $dynamic,
    ) {
    }

    public static function fromCallable(string $name, callable $handler): self
    {
        $closure = \Closure::fromCallable($handler);
        return new self($name, $closure, self::parameterTypes(new \ReflectionFunction($closure)), false);
    }

    /** A handler for every unregistered type: it receives the type name and the raw arguments. */
    public static function dynamic(callable $handler): self
    {
        return new self('*', \Closure::fromCallable($handler), [], true);
    }

    /**
     * The arguments the handler is called with: $input decoded per the declared parameter types; for the
     * dynamic activity, the type name and the raw arguments.
     *
     * @return list<mixed>
     */
    public function arguments(string $activityType, ?Payloads $input, DataConverter $converter): array
    {
        if ($this->dynamic) {
            return [$activityType, new EncodedArguments($input, $converter)];
        }
        return $converter->fromPayloads($input, $this->parameterTypes);
    }

    /** @param list<mixed> $arguments */
    public function call(array $arguments): mixed
    {
        return ($this->handler)(...$arguments);
    }

    /** @return list<?string> */
    private static function parameterTypes(\ReflectionFunctionAbstract $function): array
    {
        $types = [];
        foreach ($function->getParameters() as $parameter) {
            $type = $parameter->getType();
            $types[] = $type instanceof \ReflectionNamedType ? (string) $type : null;
        }
        return $types;
    }
}

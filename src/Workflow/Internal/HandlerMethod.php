<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;

/**
 * A method of a workflow class with the PHP types its arguments decode into.
 *
 * @internal
 */
final class HandlerMethod
{
    /** @param list<?string> $parameterTypes */
    private function __construct(public readonly string $name, private readonly array $parameterTypes)
    {
    }

    public static function of(\ReflectionMethod $method): self
    {
        $types = [];
        foreach ($method->getParameters() as $parameter) {
            $type = $parameter->getType();
            $types[] = $type instanceof \ReflectionNamedType ? (string) $type : null;
        }
        return new self($method->getName(), $types);
    }

    /** @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input */
    public function call(object $instance, iterable $input, DataConverter $converter): mixed
    {
        $payloads = new Payloads(['payloads' => iterator_to_array($input, false)]);
        return $instance->{$this->name}(...$converter->fromPayloads($payloads, $this->parameterTypes));
    }
}

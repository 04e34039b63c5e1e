<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;

/**
 * A method of a workflow class with the PHP types its arguments decode into.
 *
 * @internal
 */
final class HandlerMethod
{
    private function __construct(public readonly string $name, private readonly HandlerSignature $signature)
    {
    }

    public static function of(\ReflectionMethod $method): self
    {
        return new self($method->getName(), HandlerSignature::of($method));
    }

    /**
     * Calls the workflow method with its start arguments.
     *
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     */
    public function call(object $instance, iterable $input, DataConverter $converter): mixed
    {
        $payloads = new Payloads(['payloads' => iterator_to_array($input, false)]);
        return $instance->{$this->name}(...$converter->fromPayloads($payloads, $this->signature->types()));
    }

    /**
     * Decodes and checks a handler's arguments now, and returns the call to run with them.
     *
     * @param string $handler what is handled, for errors (e.g. 'signal "add"')
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     * @return \Closure(): mixed
     * @throws ApplicationFailure the arguments do not fit the method's parameters (HandlerSignature::decode())
     */
    public function bind(object $instance, string $handler, iterable $input, DataConverter $converter): \Closure
    {
        $args = $this->signature->decode($handler, $input, $converter);
        return fn (): mixed => $instance->{$this->name}(...$args);
    }
}

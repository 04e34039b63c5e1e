<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

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
     * Decodes the workflow method's start arguments and checks that it can take them.
     *
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     * @return list<mixed>
     * @throws \InvalidArgumentException the arguments do not fit the method: it names the workflow, what the
     *     method takes and what was given. Not a Temporal failure, so it fails the workflow *task*, as PHP's own
     *     error did: a worker whose method takes them can still run the workflow.
     */
    public function startArguments(iterable $input, DataConverter $converter, string $workflowType): array
    {
        try {
            return $this->signature->decode("workflow \"$workflowType\"", $input, $converter);
        } catch (ApplicationFailure $e) {
            throw new \InvalidArgumentException($e->getMessage(), 0, $e->getPrevious());
        }
    }

    /**
     * Decodes and checks a handler's arguments now, and returns the method with them.
     *
     * @param string $handler what is handled, for errors (e.g. 'signal "add"')
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     * @throws ApplicationFailure the arguments do not fit the method's parameters (HandlerSignature::decode())
     */
    public function bind(object $instance, string $handler, iterable $input, DataConverter $converter): HandlerCall
    {
        return new HandlerCall($instance->{$this->name}(...), $this->signature->decode($handler, $input, $converter));
    }
}

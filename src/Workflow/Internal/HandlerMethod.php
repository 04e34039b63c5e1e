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
     * Calls the workflow method with its start arguments.
     *
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     * @throws \InvalidArgumentException the arguments do not fit the method: it names the workflow, what the
     *     method takes and what was given. Not a Temporal failure, so it fails the workflow *task*, as PHP's own
     *     error did: a worker whose method takes them can still run the workflow.
     */
    public function call(object $instance, iterable $input, DataConverter $converter, string $workflowType): mixed
    {
        try {
            $arguments = $this->signature->decode("workflow \"$workflowType\"", $input, $converter);
        } catch (ApplicationFailure $e) {
            throw new \InvalidArgumentException($e->getMessage(), 0, $e->getPrevious());
        }
        return $instance->{$this->name}(...$arguments);
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

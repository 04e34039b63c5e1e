<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\SignalWorkflow;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\EncodedArguments;

/**
 * Handlers registered while the workflow runs, which win over the class's attributed methods; signals that
 * arrived before any handler existed, delivered in arrival order once one is registered; and the count of
 * signal and update handlers still running, for Workflow::allHandlersFinished().
 *
 * @internal
 */
final class Handlers
{
    /** @var array<string, array<string, \Closure>> kind (signal|query|update) => name => closure */
    private array $registered = [];
    /** @var list<SignalWorkflow> in arrival order */
    private array $bufferedSignals = [];
    private int $running = 0;

    public function register(string $kind, string $name, \Closure $handler): void
    {
        $this->registered[$kind][$name] = $handler;
    }

    /**
     * The handler of $kind $name: a function that decodes and checks its arguments at once (so arguments
     * that don't fit are found before a signal is queued or an update accepted) and returns the handler with
     * them. The dynamic handler's arguments are the name and the EncodedArguments, as it takes them.
     *
     * @return ?\Closure(iterable, DataConverter): HandlerCall its ApplicationFailure (type
     *     HandlerSignature::MISMATCH) says the arguments don't fit
     */
    public function find(string $kind, string $name, object $instance, ?HandlerMethod $attributed): ?\Closure
    {
        $handler = "$kind \"$name\"";
        $closure = $this->registered[$kind][$name] ?? null;
        if ($closure !== null) {
            $signature = HandlerSignature::of(new \ReflectionFunction($closure));
            return fn (iterable $input, DataConverter $converter) => new HandlerCall($closure,
                $signature->decode($handler, $input, $converter));
        }
        if ($attributed !== null) {
            return fn (iterable $input, DataConverter $converter) => $attributed->bind($instance, $handler, $input, $converter);
        }
        $dynamic = $this->registered[$kind]['*'] ?? null;
        return $dynamic === null ? null : fn (iterable $input, DataConverter $converter) => new HandlerCall($dynamic,
            [$name, new EncodedArguments(new Payloads(['payloads' => iterator_to_array($input, false)]), $converter)]);
    }

    /** @return list<string> the names of the handlers of $kind registered at run time (not the dynamic one) */
    public function registeredNames(string $kind): array
    {
        $names = array_map(strval(...), array_keys($this->registered[$kind] ?? []));
        return array_values(array_filter($names, fn (string $name) => $name !== '*'));
    }

    public function buffer(SignalWorkflow $signal): void
    {
        $this->bufferedSignals[] = $signal;
    }

    /**
     * @return list<SignalWorkflow> the buffered signals of $name (all of them for the dynamic handler, '*'),
     *     in arrival order, removed from the buffer
     */
    public function takeBuffered(string $name): array
    {
        $taken = [];
        $kept = [];
        foreach ($this->bufferedSignals as $signal) {
            if ($name === '*' || $signal->getSignalName() === $name) {
                $taken[] = $signal;
            } else {
                $kept[] = $signal;
            }
        }
        $this->bufferedSignals = $kept;
        return $taken;
    }

    /** Wraps a handler's body so allHandlersFinished() counts it while it runs. */
    public function tracked(\Closure $body): \Closure
    {
        $this->running++;
        return function () use ($body): void {
            try {
                $body();
            } finally {
                $this->running--;
            }
        };
    }

    public function allFinished(): bool
    {
        return $this->running === 0;
    }
}

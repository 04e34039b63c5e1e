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

    /** @return ?\Closure(iterable, DataConverter): mixed */
    public function find(string $kind, string $name, object $instance, ?HandlerMethod $attributed): ?\Closure
    {
        $closure = $this->registered[$kind][$name] ?? null;
        if ($closure !== null) {
            $types = self::parameterTypes($closure);
            return fn (iterable $input, DataConverter $converter) =>
                $closure(...$converter->fromPayloads(new Payloads(['payloads' => iterator_to_array($input, false)]), $types));
        }
        if ($attributed !== null) {
            return fn (iterable $input, DataConverter $converter) => $attributed->call($instance, $input, $converter);
        }
        $dynamic = $this->registered[$kind]['*'] ?? null;
        return $dynamic === null ? null : fn (iterable $input, DataConverter $converter) => $dynamic($name,
            new EncodedArguments(new Payloads(['payloads' => iterator_to_array($input, false)]), $converter));
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

    /** @return list<?string> */
    private static function parameterTypes(\Closure $closure): array
    {
        return array_map(
            fn (\ReflectionParameter $p) => $p->getType() instanceof \ReflectionNamedType ? (string) $p->getType() : null,
            (new \ReflectionFunction($closure))->getParameters(),
        );
    }
}

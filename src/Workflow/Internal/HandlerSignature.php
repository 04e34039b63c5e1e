<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;

/**
 * The parameters of a workflow method or handler: the PHP types its arguments decode into, and how many it
 * takes. Arguments come from outside the workflow (a client, another workflow), so a count that does not fit
 * is reported in the workflow's terms (the handler, what it takes, what was given) rather than as PHP's
 * ArgumentCountError naming SDK files.
 *
 * @internal
 */
final class HandlerSignature
{
    /** The failure type of a handler given arguments that do not fit its parameters. */
    public const MISMATCH = 'InvalidHandlerArguments';

    /**
     * @param list<?string> $types by position
     * @param list<string> $parameters as declared ("int $n")
     */
    private function __construct(
        private readonly string $function,
        private readonly array $types,
        private readonly array $parameters,
        private readonly int $required,
        private readonly bool $variadic,
    ) {
    }

    public static function of(\ReflectionFunctionAbstract $function): self
    {
        [$types, $parameters, $variadic] = [[], [], false];
        foreach ($function->getParameters() as $parameter) {
            $type = $parameter->getType();
            $types[] = $type instanceof \ReflectionNamedType ? (string) $type : null;
            $parameters[] = trim(($type === null ? '' : "$type ") . ($parameter->isVariadic() ? '...' : '') . '$' . $parameter->getName());
            $variadic = $variadic || $parameter->isVariadic();
        }
        $class = $function instanceof \ReflectionMethod ? $function->getDeclaringClass()->getName()
            : $function->getClosureScopeClass()?->getName();
        $name = ($class === null ? '' : "$class::") . $function->getShortName();
        return new self($name, $types, $parameters, $function->getNumberOfRequiredParameters(), $variadic);
    }

    /** @return list<?string> the PHP type of each parameter, by position (null: the payload's natural value) */
    public function types(): array
    {
        return $this->types;
    }

    /**
     * Decodes the arguments of $handler (e.g. 'signal "add"') and checks that the handler can take them.
     *
     * @param iterable<\TrueAsync\Temporal\Api\Common\V1\Payload> $input
     * @return list<mixed>
     * @throws ApplicationFailure (non-retryable, type MISMATCH) too few or too many arguments, or one that
     *     cannot be decoded into its parameter's type (the DataConverterException is its previous)
     */
    public function decode(string $handler, iterable $input, DataConverter $converter): array
    {
        $payloads = new Payloads(['payloads' => iterator_to_array($input, false)]);
        $given = \count($payloads->getPayloads());
        $function = \sprintf('%s: %s(%s)', $handler, $this->function, implode(', ', $this->parameters));
        if ($given < $this->required || (!$this->variadic && $given > \count($this->types))) {
            throw ApplicationFailure::create(\sprintf('%s takes %s, given %d (%s)', $function, $this->expected(), $given,
                self::describe($payloads, $converter)), self::MISMATCH, nonRetryable: true);
        }
        try {
            return $converter->fromPayloads($payloads, $this->types);
        } catch (DataConverterException $e) {
            throw ApplicationFailure::create("$function cannot take the arguments given: {$e->getMessage()}",
                self::MISMATCH, nonRetryable: true, previous: $e);
        }
    }

    private function expected(): string
    {
        $total = \count($this->types);
        $plural = fn (int $n) => $n === 1 ? "$n argument" : "$n arguments";
        return match (true) {
            $this->variadic => 'at least ' . $plural($this->required),
            $this->required === $total => $plural($total),
            default => "{$this->required} to $total arguments",
        };
    }

    /** The PHP types of the given arguments, decoded as they come; their encodings when they cannot be. */
    private static function describe(Payloads $payloads, DataConverter $converter): string
    {
        try {
            return implode(', ', array_map(get_debug_type(...), $converter->fromPayloads($payloads)));
        } catch (DataConverterException) {
            $encodings = [];
            foreach ($payloads->getPayloads() as $payload) {
                $encodings[] = $payload->getMetadata()['encoding'] ?? 'no encoding';
            }
            return implode(', ', $encodings);
        }
    }
}

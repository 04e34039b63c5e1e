<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit;

use PHPUnit\Framework\TestCase;

/**
 * Walks the public API (every class under src/ outside Internal/ and not marked @internal, every public
 * method of it not marked @internal) and checks the calling convention of docs/DESIGN.md, "One calling
 * convention": timeouts, result types and the arguments of signals, queries and updates are passed the same
 * way everywhere.
 */
final class PublicApiConventionTest extends TestCase
{
    public function testTheWalkSeesTheHandles(): void
    {
        $names = array_map(fn (\ReflectionMethod $m) => $m->class . '::' . $m->name, self::publicMethods());

        foreach (['Client\WorkflowHandle::result', 'Client\WorkflowUpdateHandle::result', 'Workflow\ChildWorkflowHandle::signal', 'Workflow::await'] as $expected) {
            self::assertContains('TrueAsync\Temporal\\' . $expected, $names);
        }
    }

    /** A call's timeout is `?float $timeoutSeconds` (or `float`); option setters (with...Timeout()) are named for it. */
    public function testTimeoutsAreFloatSecondsNamedTimeoutSeconds(): void
    {
        $violations = [];
        foreach (self::publicMethods() as $method) {
            if (str_starts_with($method->name, 'with')) {
                continue;
            }
            foreach ($method->getParameters() as $parameter) {
                if (preg_match('/timeout(s|Seconds|Ms|Millis|Milliseconds)?$/i', $parameter->name) !== 1) {
                    continue;
                }
                $type = (string) $parameter->getType();
                if (!preg_match('/(^t|T)imeoutSeconds$/', $parameter->name) || !\in_array($type, ['float', '?float'], true)) {
                    $violations[] = self::describe($method, $parameter) . " is $type: want ?float \$timeoutSeconds";
                }
            }
        }
        self::assertSame([], $violations);
    }

    /** Where a call takes both, the result type comes first: result(?string $type, ?float $timeoutSeconds). */
    public function testTheResultTypeComesBeforeTheTimeout(): void
    {
        $violations = [];
        foreach (self::publicMethods() as $method) {
            $positions = self::positions($method);
            if (isset($positions['type'], $positions['timeoutSeconds']) && $positions['type'] > $positions['timeoutSeconds']) {
                $violations[] = self::describe($method) . ' takes $timeoutSeconds before $type';
            }
        }
        self::assertSame([], $violations);
    }

    /** The PHP type a result decodes into is `?string $type`; `$returnType` only where `$type` names what runs. */
    public function testResultTypesAreNamedType(): void
    {
        $violations = [];
        foreach (self::publicMethods() as $method) {
            $positions = self::positions($method);
            foreach (['resultType', 'returnType', 'valueType', 'decodeAs', 'as'] as $other) {
                if (isset($positions[$other]) && !isset($positions['type'])) {
                    $violations[] = self::describe($method) . " names its result type \$$other: want \$type";
                }
            }
        }
        self::assertSame([], $violations);
    }

    /**
     * The arguments of a signal, query or update are the variadic last parameter `mixed ...$args` on every
     * handle; a with-start call carries two argument lists, so there the signal's or update's array is last.
     * An interceptor's hook of the same name (it takes $next) gets the arguments in its input instead.
     */
    public function testSignalQueryAndUpdateArgumentsAreVariadic(): void
    {
        $violations = [];
        foreach (self::publicMethods() as $method) {
            if (!preg_match('/^(signal|query|update|startUpdate)/', $method->name) || isset(self::positions($method)['next'])) {
                continue;
            }
            $parameters = $method->getParameters();
            $last = end($parameters) ?: null;
            $argumentLists = array_filter($parameters, fn (\ReflectionParameter $p) => preg_match('/(^a|A)rgs$/', $p->name) === 1);
            if (str_ends_with($method->name, 'WithStart')) {
                $interaction = array_filter($argumentLists, fn (\ReflectionParameter $p) => $p->name !== 'args');
                if ($interaction !== [] && reset($interaction) !== $last) {
                    $violations[] = self::describe($method) . ' takes parameters after its ' . reset($interaction)->name;
                }
                continue;
            }
            $exact = \in_array($method->name, ['signal', 'query'], true);
            if (($exact || $argumentLists !== []) && ($last?->name !== 'args' || !$last->isVariadic())) {
                $violations[] = self::describe($method) . ' does not end with variadic mixed ...$args';
            }
        }
        self::assertSame([], $violations);
    }

    /** @return list<\ReflectionMethod> */
    private static function publicMethods(): array
    {
        $methods = [];
        foreach (self::publicClasses() as $class) {
            foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
                if ($method->class === $class->name && !str_contains((string) $method->getDocComment(), '@internal')) {
                    $methods[] = $method;
                }
            }
        }
        return $methods;
    }

    /** @return list<\ReflectionClass<object>> */
    private static function publicClasses(): array
    {
        $src = \dirname(__DIR__, 2) . '/src';
        $classes = [];
        $files = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS));
        foreach ($files as $file) {
            $relative = substr($file->getPathname(), \strlen($src) + 1, -4);
            if ($file->getExtension() !== 'php' || $relative === 'autoload' || preg_match('#(^|/)Internal/#', $relative)) {
                continue;
            }
            $class = new \ReflectionClass('TrueAsync\\Temporal\\' . str_replace('/', '\\', $relative));
            if (!str_contains((string) $class->getDocComment(), '@internal')) {
                $classes[] = $class;
            }
        }
        return $classes;
    }

    /** @return array<string, int> parameter name => position */
    private static function positions(\ReflectionMethod $method): array
    {
        $positions = [];
        foreach ($method->getParameters() as $parameter) {
            $positions[$parameter->name] = $parameter->getPosition();
        }
        return $positions;
    }

    private static function describe(\ReflectionMethod $method, ?\ReflectionParameter $parameter = null): string
    {
        $name = substr($method->class, \strlen('TrueAsync\\Temporal\\')) . '::' . $method->name . '()';
        return $parameter === null ? $name : "$name \${$parameter->name}";
    }
}

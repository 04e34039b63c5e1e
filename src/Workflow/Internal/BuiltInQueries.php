<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Sdk\V1\WorkflowDefinition as DefinitionMessage;
use TrueAsync\Temporal\Api\Sdk\V1\WorkflowInteractionDefinition;
use TrueAsync\Temporal\Api\Sdk\V1\WorkflowMetadata;

/**
 * The queries every workflow answers: its Fibers' stack traces (the Web UI's "Stack Trace" tab) and its
 * metadata (handler names, as other SDKs report them).
 *
 * @internal
 */
final class BuiltInQueries
{
    public const NAMES = ['__stack_trace', '__temporal_workflow_metadata'];

    /** null when $type is not a built-in query */
    public static function answer(WorkflowRun $run, string $type): mixed
    {
        return match ($type) {
            '__stack_trace' => self::stackTrace($run),
            '__temporal_workflow_metadata' => self::metadata($run->definition),
            default => null,
        };
    }

    private static function stackTrace(WorkflowRun $run): string
    {
        $traces = [];
        foreach ($run->liveFibers() as $i => $fiber) {
            $frames = [];
            foreach ((new \ReflectionFiber($fiber))->getTrace() as $n => $frame) {
                $frames[] = \sprintf('#%d %s(%d): %s%s%s()', $n, $frame['file'] ?? '[internal]', $frame['line'] ?? 0,
                    $frame['class'] ?? '', $frame['type'] ?? '', $frame['function']);
            }
            $traces[] = "fiber $i:\n" . implode("\n", $frames);
        }
        return implode("\n\n", $traces);
    }

    private static function metadata(WorkflowDefinition $definition): WorkflowMetadata
    {
        $named = fn (array $names) => array_map(fn (string $name) => new WorkflowInteractionDefinition(['name' => $name]), $names);
        return new WorkflowMetadata(['definition' => new DefinitionMessage([
            'type' => $definition->type,
            'query_definitions' => $named([...self::NAMES, ...$definition->queryNames()]),
            'signal_definitions' => $named($definition->signalNames()),
            'update_definitions' => $named($definition->updateNames()),
        ])]);
    }
}

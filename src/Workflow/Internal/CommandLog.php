<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Sdk\V1\UserMetadata;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Interceptor\Internal\Pipeline;
use TrueAsync\Temporal\Workflow\Determinism\ProducedCommand;

/**
 * Every command a run emitted since it started, each with the file and line of the user's call that produced
 * it: what the non-determinism explainer sets against the history when the core reports a mismatch. Kept as
 * ProducedCommand (kind, name, place), never the command itself, so a run does not hold its payloads twice.
 * When asked (WorkerOptions::withNondeterminismExplainer(sourceInHistory: true)) it also writes the place into
 * the command's user metadata, as "file:line" in its details: history then says where each step came from.
 *
 * @internal
 */
final class CommandLog
{
    /** The commands whose user metadata the server keeps on their event (and the Web UI shows). */
    private const WITH_METADATA = [
        'schedule_activity', 'schedule_local_activity', 'start_timer', 'start_child_workflow_execution',
    ];

    private static ?string $sdkRoot = null;

    /** @var list<ProducedCommand> */
    private array $produced = [];

    /** @param ?DataConverter $sourceInHistory encodes the place into the command's metadata; null: not written */
    public function __construct(private readonly ?DataConverter $sourceInHistory = null)
    {
    }

    public function record(WorkflowCommand $command): void
    {
        [$file, $line] = self::userCallSite();
        $this->produced[] = ProducedCommand::fromCommand($command, $file, $line);
        if ($this->sourceInHistory !== null && $file !== null
            && \in_array($command->getVariant(), self::WITH_METADATA, true)) {
            $metadata = $command->getUserMetadata() ?? new UserMetadata();
            $metadata->setDetails($this->sourceInHistory->toPayload("$file:$line", 'the command\'s source'));
            $command->setUserMetadata($metadata);
        }
    }

    /** @return list<ProducedCommand> in the order the run emitted them */
    public function produced(): array
    {
        return $this->produced;
    }

    /**
     * The innermost call made from outside the SDK: the user's Workflow:: call (or handle call) that led here.
     * An interceptor's $next() is skipped (the pipeline's closures), so an interceptor in the chain does not
     * stand in for the workflow code that made the call.
     *
     * @return array{?string, ?int}
     */
    private static function userCallSite(): array
    {
        $root = self::$sdkRoot ??= \dirname(__DIR__, 2) . \DIRECTORY_SEPARATOR;
        foreach (debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS) as $frame) {
            $file = $frame['file'] ?? null;
            if ($file !== null && !str_starts_with($file, $root) && ($frame['class'] ?? null) !== Pipeline::class) {
                return [$file, $frame['line'] ?? null];
            }
        }
        return [null, null];
    }
}

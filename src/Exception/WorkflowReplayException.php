<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Exception;

use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Workflow\Determinism\DivergenceReport;

/**
 * Replaying a recorded history failed: the workflow code no longer produces the commands the history
 * recorded (non-determinism; the message names the event and the command that differ), or it failed.
 */
final class WorkflowReplayException extends TemporalException
{
    private function __construct(
        string $message,
        private readonly string $workflowId,
        private readonly bool $nonDeterminism,
        private readonly ?DivergenceReport $report = null,
    ) {
        parent::__construct($message);
    }

    /** @param ?DivergenceReport $report the explainer's, when it was on */
    public static function nonDeterminism(string $workflowId, string $coreMessage, ?DivergenceReport $report = null): self
    {
        $message = "workflow $workflowId is not deterministic: " . self::innermost($coreMessage);
        return new self($report === null ? $message : "$message\n" . $report->render(), $workflowId, true, $report);
    }

    public static function failed(string $workflowId, string $coreMessage): self
    {
        return new self("workflow $workflowId failed its task on replay: " . self::innermost($coreMessage), $workflowId, false);
    }

    /** The failure's own message when the core wrapped it in a debug dump of the completion. */
    private static function innermost(string $coreMessage): string
    {
        return preg_match('/message: "((?:[^"\\\\]|\\\\.)*)"/', $coreMessage, $match) === 1
            ? stripcslashes($match[1])
            : $coreMessage;
    }

    public function getWorkflowId(): string
    {
        return $this->workflowId;
    }

    /** History and code side by side with the likely change, when the explainer was on (null otherwise). */
    public function getReport(): ?DivergenceReport
    {
        return $this->report;
    }

    public function isNonDeterminism(): bool
    {
        return $this->nonDeterminism;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Api\History\V1\History;
use TrueAsync\Temporal\Api\History\V1\HistoryEvent;

/**
 * The event history of one workflow run, as WorkflowHandle::fetchHistory() returns it. Exports to and imports
 * from the JSON that `temporal workflow show --output json` and the Web UI's download write (the proto3 JSON
 * mapping of temporal.api.history.v1.History), for replay tests and debugging.
 *
 * @implements \IteratorAggregate<int, HistoryEvent>
 */
final class WorkflowHistory implements \IteratorAggregate, \Countable
{
    private function __construct(private string $workflowId, private History $history)
    {
    }

    /** @internal */
    public static function fromMessage(string $workflowId, History $history): self
    {
        return new self($workflowId, $history);
    }

    /**
     * Reads a history exported by toJson(), the Temporal CLI or the Web UI.
     *
     * @param string $workflowId the workflow id the history belongs to (the JSON does not carry it)
     * @throws \ValueError $json is not a history in the proto3 JSON mapping
     */
    public static function fromJson(string $workflowId, string $json): self
    {
        $history = new History();
        try {
            $history->mergeFromJsonString($json, true);
        } catch (\Exception $e) {
            throw new \ValueError("WorkflowHistory::fromJson(): not a workflow history: {$e->getMessage()}");
        }
        return new self($workflowId, $history);
    }

    /** The proto3 JSON mapping, indented by two spaces as the Temporal CLI writes it. */
    public function toJson(): string
    {
        $flags = JSON_THROW_ON_ERROR | JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;
        $document = json_decode($this->history->serializeToJsonString(), false, 512, JSON_THROW_ON_ERROR);
        $pretty = json_encode($document, $flags);
        // PHP indents by four spaces; halve every run of leading spaces (JSON strings hold no raw newline).
        $halve = fn (array $m): string => substr($m[0], 0, intdiv(\strlen($m[0]), 2));
        return preg_replace_callback('/^ +/m', $halve, $pretty) . "\n";
    }

    public function getWorkflowId(): string
    {
        return $this->workflowId;
    }

    /** The history message itself. */
    public function getHistory(): History
    {
        return $this->history;
    }

    /** @return list<HistoryEvent> */
    public function getEvents(): array
    {
        return iterator_to_array($this->history->getEvents(), false);
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->getEvents());
    }

    public function count(): int
    {
        return \count($this->history->getEvents());
    }
}

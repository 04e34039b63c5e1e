<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

/**
 * What a replay check found, as the checking process writes it to a file and the worker reads it back: how many
 * runs replayed on the new code, which did not (each with the replayer's message and the explainer's report),
 * or why the new code did not even load.
 *
 * @internal
 */
final class ReloadVerdict
{
    /**
     * @param list<array{task_queue: string, workflow_id: string, run_id: string, message: string}> $failures
     */
    private function __construct(
        public readonly int $replayed,
        public readonly array $failures,
        public readonly ?string $loadError,
    ) {
    }

    /** Whether the new code may take over: it loaded, and every run replayed on it. */
    public function isSafe(): bool
    {
        return $this->loadError === null && $this->failures === [];
    }

    /** @param list<array{task_queue: string, workflow_id: string, run_id: string, message: string}> $failures */
    public static function write(string $file, int $replayed, array $failures): void
    {
        $json = json_encode(['replayed' => $replayed, 'failures' => $failures], JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE);
        if (file_put_contents($file, $json) === false) {
            throw new \RuntimeException("cannot write the replay check's verdict to $file");
        }
    }

    /**
     * @param int $exitCode the checking process's
     * @param string $output what it printed: the reason when it wrote no verdict (a parse error, a fatal error…)
     */
    public static function read(string $file, int $exitCode, string $output): self
    {
        $json = $exitCode === 0 ? @file_get_contents($file) : false;
        $verdict = \is_string($json) ? json_decode($json, true) : null;
        if (!\is_array($verdict) || !\is_int($verdict['replayed'] ?? null) || !\is_array($verdict['failures'] ?? null)) {
            return new self(0, [], rtrim("the new code did not load (the checking process exited with $exitCode):\n$output"));
        }
        return new self($verdict['replayed'], $verdict['failures'], null);
    }
}

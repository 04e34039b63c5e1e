<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

/**
 * What a restarting process hands the next one: the runs the accepted check replayed (the new process starts
 * with an empty cache, so without them the next edit would be checked against no run at all) and the sources
 * that check accepted (the new process compares against them, so an edit made while it started is still
 * checked). Written to a file named by an environment variable (a variable alone is limited to 128 KiB on
 * Linux), which the new process reads once and deletes.
 *
 * @internal
 */
final class ReloadHandover
{
    private const ENV = 'TEMPORAL_RELOAD_HANDOVER';
    /** Per task queue: enough for a large cache, and a bound on what each check replays. */
    private const MAX_RUNS = 1000;

    /** @param array<string, array<string, string>> $runs task queue => run id => workflow id */
    private function __construct(public readonly array $runs, public readonly ?SourceSnapshot $accepted)
    {
    }

    /** @param array<string, array<string, string>> $runs */
    public static function pass(array $runs, SourceSnapshot $accepted): void
    {
        $file = sys_get_temp_dir() . '/php-temporal-reload-handover-' . getmypid() . '-' . bin2hex(random_bytes(4)) . '.json';
        $capped = array_map(static fn (array $queueRuns): array => \array_slice($queueRuns, 0, self::MAX_RUNS, true), $runs);
        $json = json_encode(['runs' => $capped, 'sources' => $accepted->hashes()], JSON_THROW_ON_ERROR);
        if (file_put_contents($file, $json) !== false) {
            putenv(self::ENV . "=$file");
        }
    }

    /** What the process before this one passed; no runs and no sources if it passed nothing. */
    public static function take(): self
    {
        $file = getenv(self::ENV);
        if ($file === false) {
            return new self([], null);
        }
        putenv(self::ENV);
        $passed = json_decode((string) @file_get_contents($file), true);
        @unlink($file);
        return new self(
            \is_array($passed['runs'] ?? null) ? $passed['runs'] : [],
            \is_array($passed['sources'] ?? null) ? SourceSnapshot::ofHashes($passed['sources']) : null,
        );
    }
}

<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * The process's core runtime: its telemetry and worker heartbeat options, set once before first use.
 *
 * @strict-properties
 * @not-serializable
 */
final class Runtime
{
    private function __construct() {}

    /**
     * Builds this process's core runtime with $optionsJson (the document of docs/DESIGN.md, "Runtime
     * options") and returns `{"prometheus_address": "ip:port"|null}`, the address the Prometheus
     * endpoint bound.
     *
     * @throws \ValueError the options are invalid, or the exporter cannot start (a port in use)
     * @throws \LogicException the runtime is already running in this process
     * @throws TemporalException the bridge failed
     */
    public static function configure(string $optionsJson): string {}

    /**
     * The core's log records buffered since the last call, as `{"dropped": n, "records": [{"level", "target",
     * "message", "timestamp_ms", "fields", "spans"}]}`, or null when there are none (or no log level was set).
     *
     * @throws TemporalException the bridge failed
     */
    public static function takeLogs(): ?string {}

    /**
     * Hands the memory the C allocator holds free back to the system (glibc's malloc_trim(0)): the core's state
     * for runs that left the workflow cache otherwise stays in its allocator arenas. Returns whether anything was
     * released; always false where the C library has no malloc_trim (musl).
     */
    public static function trimMemory(): bool {}
}

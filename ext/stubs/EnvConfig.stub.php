<?php

/** @generate-class-entries */

namespace TrueAsync\Temporal\Core;

/**
 * Client profiles as every Temporal SDK and the CLI resolve them: a `temporal.toml` profile with the
 * TEMPORAL_* variables applied on top (the core's envconfig).
 *
 * @strict-properties
 * @not-serializable
 */
final class EnvConfig
{
    private function __construct() {}

    /**
     * Resolves one profile. $requestJson and the returned profile are the documents of docs/DESIGN.md.
     *
     * @throws \ValueError the request, the file or a variable is invalid, or the named profile is missing
     * @throws TemporalException the bridge failed
     */
    public static function loadProfile(string $requestJson): string {}
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

use TrueAsync\Temporal\Internal\Seconds;

/**
 * How WorkflowEnvironment::startTimeSkipping() starts Temporal's time-skipping test server, the Java one from
 * Maven Central (io.temporal:temporal-test-server), as `java -cp CLASSPATH io.temporal.testserver.TestServer PORT`.
 * Immutable: every with*() returns a copy.
 */
final class TestServerOptions
{
    private ?string $classpath = null;
    private string $java = 'java';
    private float $startTimeout = 120.0;

    private function __construct()
    {
    }

    /** The classpath from TEMPORAL_TEST_SERVER_CLASSPATH, `java` from the PATH, up to 120 s to start. */
    public static function new(): self
    {
        return new self();
    }

    /** The test server's runtime classpath (e.g. from `mvn dependency:build-classpath`). */
    public function withClasspath(string $classpath): self
    {
        $copy = clone $this;
        $copy->classpath = $classpath;
        return $copy;
    }

    /** The `java` binary to run; default `java` on the PATH. */
    public function withJava(string $path): self
    {
        $copy = clone $this;
        $copy->java = $path;
        return $copy;
    }

    /** How long the server may take to serve; default 120 s. */
    public function withStartTimeout(float $seconds): self
    {
        $copy = clone $this;
        $copy->startTimeout = Seconds::positive($seconds, 'TestServerOptions::withStartTimeout()');
        return $copy;
    }

    public function getStartTimeout(): float
    {
        return $this->startTimeout;
    }

    /**
     * @internal
     * @return list<string>
     * @throws \RuntimeException no classpath was given
     */
    public function command(int $port): array
    {
        $classpath = $this->classpath ?? (getenv('TEMPORAL_TEST_SERVER_CLASSPATH') ?: null)
            ?? throw new \RuntimeException('the time-skipping test server needs its classpath: '
                . 'TestServerOptions::withClasspath() or TEMPORAL_TEST_SERVER_CLASSPATH');
        // Without --enable-time-skipping: time skipping stays locked but where the environment unlocks it.
        return [$this->java, '-cp', $classpath, 'io.temporal.testserver.TestServer', (string) $port];
    }
}

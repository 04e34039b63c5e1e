<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

use TrueAsync\Temporal\Internal\Seconds;

/**
 * How WorkflowEnvironment::startLocal() starts the Temporal CLI's dev server (`temporal server start-dev`): in
 * memory, on free loopback ports, stopped by shutdown(). Immutable: every with*() returns a copy.
 */
final class DevServerOptions
{
    /** The types `temporal server start-dev --search-attribute` accepts. */
    private const ATTRIBUTE_TYPES = ['Text', 'Keyword', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList'];

    private ?string $executable = null;
    private string $namespace = 'default';
    /** @var array<string, string> */
    private array $searchAttributes = [];
    /** @var array<string, scalar> */
    private array $dynamicConfig = [];
    private bool $ui = false;
    private float $startTimeout = 120.0;

    private function __construct()
    {
    }

    /** The CLI from TEMPORAL_CLI or the PATH, namespace "default", no UI, up to 120 s to start. */
    public static function new(): self
    {
        return new self();
    }

    /** The `temporal` binary to run; default: TEMPORAL_CLI, else `temporal` on the PATH. */
    public function withExecutable(string $path): self
    {
        $copy = clone $this;
        $copy->executable = $path;
        return $copy;
    }

    /** The namespace the server creates and the environment's client uses; default "default". */
    public function withNamespace(string $namespace): self
    {
        if ($namespace === '') {
            throw new \ValueError('DevServerOptions::withNamespace(): the namespace must not be empty');
        }
        $copy = clone $this;
        $copy->namespace = $namespace;
        return $copy;
    }

    /**
     * Custom search attributes to register at start, e.g. ['CustomerId' => 'Keyword'].
     *
     * @param array<string, string> $attributes name => Text, Keyword, Int, Double, Bool, Datetime or KeywordList
     * @throws \ValueError an unknown type
     */
    public function withSearchAttributes(array $attributes): self
    {
        foreach ($attributes as $name => $type) {
            if (!\is_string($name) || !\in_array($type, self::ATTRIBUTE_TYPES, true)) {
                throw new \ValueError("DevServerOptions::withSearchAttributes(): \"$name\" needs one of the types "
                    . implode(', ', self::ATTRIBUTE_TYPES));
            }
        }
        $copy = clone $this;
        $copy->searchAttributes = $attributes;
        return $copy;
    }

    /**
     * Server dynamic config values, e.g. ['frontend.enableUpdateWorkflowExecution' => true].
     *
     * @param array<string, scalar> $values
     */
    public function withDynamicConfig(array $values): self
    {
        foreach ($values as $key => $value) {
            if (!\is_string($key) || !\is_scalar($value)) {
                throw new \ValueError('DevServerOptions::withDynamicConfig(): keys are names, values scalars');
            }
        }
        $copy = clone $this;
        $copy->dynamicConfig = $values;
        return $copy;
    }

    /** Serve the Web UI too (on a free port; WorkflowEnvironment::getUiAddress() tells it). */
    public function withUi(bool $ui = true): self
    {
        $copy = clone $this;
        $copy->ui = $ui;
        return $copy;
    }

    /** How long the server may take to serve; default 120 s. */
    public function withStartTimeout(float $seconds): self
    {
        $copy = clone $this;
        $copy->startTimeout = Seconds::positive($seconds, 'DevServerOptions::withStartTimeout()');
        return $copy;
    }

    public function getNamespace(): string
    {
        return $this->namespace;
    }

    public function getStartTimeout(): float
    {
        return $this->startTimeout;
    }

    public function hasUi(): bool
    {
        return $this->ui;
    }

    /**
     * The command line, on the ports given.
     *
     * @internal
     * @return list<string>
     */
    public function command(int $port, int $httpPort, int $metricsPort, ?int $uiPort): array
    {
        $command = [$this->executable ?? (getenv('TEMPORAL_CLI') ?: 'temporal'), 'server', 'start-dev',
            '--ip', '127.0.0.1', '--port', (string) $port, '--http-port', (string) $httpPort,
            '--metrics-port', (string) $metricsPort, '--disable-config-file', '--disable-config-env',
            '--log-level', 'warn'];
        if ($this->namespace !== 'default') {
            $command = [...$command, '--namespace', $this->namespace]; // "default" always exists
        }
        $command = [...$command, ...($uiPort === null ? ['--headless'] : ['--ui-port', (string) $uiPort])];
        foreach ($this->searchAttributes as $name => $type) {
            $command = [...$command, '--search-attribute', "$name=$type"];
        }
        foreach ($this->dynamicConfig as $key => $value) {
            $command = [...$command, '--dynamic-config-value', $key . '=' . json_encode($value)];
        }
        return $command;
    }
}

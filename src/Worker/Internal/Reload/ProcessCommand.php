<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

/**
 * The command line that runs this PHP script again: the same binary, the same -d/-c options (read from
 * /proc/self/cmdline: $argv does not have them, and `-d extension=…` is often how the extension is loaded),
 * the script by its absolute path (the process may have changed directory since), the same arguments.
 *
 * @internal
 */
final class ProcessCommand
{
    /**
     * @return non-empty-list<string>
     * @throws \LogicException this process runs no script file (php -r, or a script read from stdin)
     */
    public static function current(): array
    {
        $script = get_included_files()[0] ?? '';
        $argv = $_SERVER['argv'] ?? [];
        if (!is_file($script) || $argv === []) {
            throw new \LogicException('WorkerFactory::runWithReload() runs the worker script again, and this process runs no script file');
        }
        return [PHP_BINARY, ...self::interpreterOptions(\count($argv)), $script, ...\array_slice($argv, 1)];
    }

    /**
     * @param int $scriptArgs how many of the command line's last arguments are the script and its own
     * @return list<string> what came between the binary and the script: the interpreter's options
     */
    public static function interpreterOptions(int $scriptArgs, ?string $cmdline = null): array
    {
        $cmdline ??= @file_get_contents('/proc/self/cmdline');
        if (!\is_string($cmdline) || $cmdline === '') {
            return [];  // not Linux: the options are lost, php.ini still applies
        }
        $args = explode("\0", substr($cmdline, 0, -1));  // each argument ends with a NUL
        return \array_slice($args, 1, max(0, \count($args) - 1 - $scriptArgs));
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\ProcessPool;

/**
 * The command line of an activity process: PHP started the way this process was (its binary and its
 * interpreter options, read from /proc/self/cmdline), then the activity process script.
 *
 * @internal
 */
final class PhpCommand
{
    /** Interpreter options that take a value, as separate arguments or glued on ("-dfoo=1"). */
    private const VALUE_OPTIONS = ['-c', '-d'];

    /** @return list<string> */
    public static function ofThisProcess(): array
    {
        $cmdline = @file_get_contents('/proc/self/cmdline');
        $script = $_SERVER['argv'][0] ?? null;
        if (!\is_string($cmdline) || !\is_string($script)) {
            $ini = php_ini_loaded_file();
            return $ini === false ? [PHP_BINARY] : [PHP_BINARY, '-c', $ini];
        }
        return [PHP_BINARY, ...self::interpreterOptions(explode("\0", rtrim($cmdline, "\0")), $script)];
    }

    /**
     * @param list<string> $argv this process's command line
     * @return list<string> its -c, -d and -n options, those before the script only
     */
    public static function interpreterOptions(array $argv, string $script): array
    {
        $options = [];
        for ($i = 1, $n = \count($argv); $i < $n && $argv[$i] !== $script; $i++) {
            $argument = $argv[$i];
            if (\in_array($argument, self::VALUE_OPTIONS, true) && $i + 1 < $n) {
                array_push($options, $argument, $argv[++$i]);
            } elseif ($argument === '-n' || \in_array(substr($argument, 0, 2), self::VALUE_OPTIONS, true)) {
                $options[] = $argument;
            }
        }
        return $options;
    }

    /** @return list<string> the script and its arguments */
    public static function activityProcess(string $bootstrapFile, string $taskQueue): array
    {
        return [__DIR__ . '/activity-process.php', self::composerAutoloader() ?? '', $bootstrapFile, $taskQueue];
    }

    private static function composerAutoloader(): ?string
    {
        if (!class_exists(\Composer\Autoload\ClassLoader::class, false)) {
            return null;
        }
        $file = (new \ReflectionClass(\Composer\Autoload\ClassLoader::class))->getFileName();
        return $file === false ? null : \dirname($file, 2) . '/autoload.php';
    }
}

<?php

// MemoryProbe: one snapshot of where this PHP process's memory is, as an array for json_encode(). Used by
// breakdown.php (the measured worker, and its class-loading measurement).
//
// A snapshot holds the Zend allocator's own figures, the declared classes by origin, opcache's shared memory,
// /proc/self/status and smaps_rollup, and every mapping of /proc/self/smaps summed by what it holds (see
// classify()). smaps has no names for anonymous memory, so the anonymous categories come from the shapes glibc,
// Zend and Rust give their mappings; each rule says what it relies on. What no rule claims stays "other anon":
// there the Zend heap's 2 MiB chunks are (memory_get_usage(true) says how much), with any large malloc()
// (>= 128 KiB, served by mmap) of the extension, the Rust core or a library.

declare(strict_types=1);

final class MemoryProbe
{
    // glibc's non-main malloc arenas are reserved as 64 MiB regions aligned to 64 MiB (HEAP_MAX_SIZE on 64-bit):
    // the used part read-write, the rest PROT_NONE.
    private const ARENA_BYTES = 64 << 20;

    // PHP 8.2's default fiber C stack (ZEND_FIBER_DEFAULT_C_STACK_SIZE) when fiber.stack_size is not set.
    private const DEFAULT_FIBER_STACK = 2 << 20;

    /** Workflow runs that reached their hold point in this process (set by breakdown.php's workflow). */
    public static int $held = 0;

    /** @return array<string, mixed> */
    public static function snapshot(string $label): array
    {
        // The allocator's figures first: reading /proc below allocates a few hundred KiB of strings.
        $zend = [
            'usage' => memory_get_usage(),
            'real' => memory_get_usage(true),
            'peak' => memory_get_peak_usage(),
            'real_peak' => memory_get_peak_usage(true),
        ];
        return [
            'label' => $label,
            'zend' => $zend,
            'gc' => gc_status(),
            'classes' => self::classes(),
            'opcache' => self::opcache(),
            'status' => self::status(),
            'rollup' => self::rollup(),
            'maps' => self::maps(),
            'threads' => self::threads(),
            'held' => self::$held,
        ];
    }

    /** Where a class comes from: the generated API (its GPBMetadata apart), the SDK, the protobuf runtime... */
    public static function origin(string $class): string
    {
        return self::namespaceOrigin($class)
            ?? ((new \ReflectionClass($class))->isInternal() ? 'internal' : 'other_user');
    }

    /** origin() from the name alone (no autoloading), null outside the namespaces it knows */
    public static function namespaceOrigin(string $class): ?string
    {
        return match (true) {
            str_starts_with($class, 'TrueAsync\\Temporal\\Api\\GPBMetadata\\') => 'gen_metadata',
            str_starts_with($class, 'TrueAsync\\Temporal\\Api\\') => 'gen_api',
            str_starts_with($class, 'TrueAsync\\Temporal\\Core\\') => 'extension',
            str_starts_with($class, 'TrueAsync\\Temporal\\') => 'sdk',
            str_starts_with($class, 'Google\\Protobuf\\') => 'protobuf_runtime',
            default => null,
        };
    }

    /** @return list<string> every declared class, interface and trait (enums are classes) */
    public static function declared(): array
    {
        return array_merge(get_declared_classes(), get_declared_interfaces(), get_declared_traits());
    }

    /** @return array<string, int> classes, interfaces and traits by origin() */
    private static function classes(): array
    {
        $counts = ['total' => 0];
        foreach (self::declared() as $class) {
            $origin = self::origin($class);
            $counts[$origin] = ($counts[$origin] ?? 0) + 1;
            $counts['total']++;
        }
        $counts['user_functions'] = \count(get_defined_functions()['user']);
        return $counts;
    }

    /** @return array<string, int|bool>|null opcache's shared memory and JIT buffer, null when it is off */
    public static function opcache(): ?array
    {
        $status = \function_exists('opcache_get_status') ? @opcache_get_status(false) : false;
        if (!\is_array($status) || !($status['opcache_enabled'] ?? false)) {
            return null;
        }
        return [
            'used_memory' => $status['memory_usage']['used_memory'],
            'free_memory' => $status['memory_usage']['free_memory'],
            'interned_strings_used' => $status['interned_strings_usage']['used_memory'] ?? 0,
            'scripts' => $status['opcache_statistics']['num_cached_scripts'],
            'jit_on' => (bool) ($status['jit']['on'] ?? false),
            'jit_buffer_size' => $status['jit']['buffer_size'] ?? 0,
            'jit_buffer_used' => ($status['jit']['buffer_size'] ?? 0) - ($status['jit']['buffer_free'] ?? 0),
        ];
    }

    /** @return array<string, int> the kB fields of /proc/self/status that concern memory and threads */
    public static function status(): array
    {
        $out = [];
        $wanted = ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile', 'RssShmem', 'VmData', 'VmSize', 'Threads'];
        foreach (file('/proc/self/status', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            [$key, $value] = array_map('trim', explode(':', $line, 2)) + [1 => ''];
            if (\in_array($key, $wanted, true)) {
                $out[$key] = (int) $value;
            }
        }
        return $out;
    }

    /** @return array<string, int> /proc/self/smaps_rollup in kB */
    private static function rollup(): array
    {
        $out = [];
        foreach (file('/proc/self/smaps_rollup', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            if (preg_match('/^(\w+):\s+(\d+) kB$/', $line, $m)) {
                $out[$m[1]] = (int) $m[2];
            }
        }
        return $out;
    }

    /** @return list<array{tid: int, comm: string, sp: ?int}> every thread, with its stack pointer if blocked */
    private static function threads(): array
    {
        $out = [];
        foreach (glob('/proc/self/task/*') ?: [] as $dir) {
            // "nr args... sp pc" while the thread is in a system call (idle threads are): its stack pointer.
            $fields = explode(' ', trim((string) @file_get_contents("$dir/syscall")));
            $sp = \count($fields) >= 3 ? hexdec($fields[\count($fields) - 2]) : null;
            $out[] = ['tid' => (int) basename($dir), 'comm' => trim((string) @file_get_contents("$dir/comm")),
                'sp' => \is_int($sp) ? $sp : null];
        }
        return $out;
    }

    /**
     * Every mapping of /proc/self/smaps summed by category: kB of Size, Rss, Pss, Anonymous and Private_Dirty,
     * and the number of mappings.
     *
     * @return array<string, array<string, int>>
     */
    private static function maps(): array
    {
        $mappings = self::readSmaps();
        $threads = self::threads();
        $sum = [];
        foreach ($mappings as $i => $m) {
            $category = self::classify($m, $mappings[$i - 1] ?? null, $mappings[$i + 1] ?? null, $threads);
            $sum[$category] ??= ['mappings' => 0, 'Size' => 0, 'Rss' => 0, 'Pss' => 0, 'Anonymous' => 0,
                'Private_Dirty' => 0];
            $sum[$category]['mappings']++;
            foreach (['Size', 'Rss', 'Pss', 'Anonymous', 'Private_Dirty'] as $field) {
                $sum[$category][$field] += $m[$field] ?? 0;
            }
        }
        ksort($sum);
        return $sum;
    }

    /** @return list<array<string, int|string>> start, end, perms, path and the kB fields of each mapping */
    private static function readSmaps(): array
    {
        $out = [];
        $current = null;
        foreach (file('/proc/self/smaps', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            if (preg_match('/^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/', $line, $m)) {
                if ($current !== null) {
                    $out[] = $current;
                }
                $current = ['start' => hexdec($m[1]), 'end' => hexdec($m[2]), 'perms' => $m[3], 'path' => $m[4]];
            } elseif ($current !== null && preg_match('/^(\w+):\s+(\d+) kB$/', $line, $m)) {
                $current[$m[1]] = (int) $m[2];
            }
        }
        if ($current !== null) {
            $out[] = $current;
        }
        return $out;
    }

    /**
     * @param array<string, int|string> $m
     * @param array<string, int|string>|null $prev the mapping just below
     * @param array<string, int|string>|null $next the mapping just above
     * @param list<array{tid: int, comm: string, sp: ?int}> $threads
     */
    private static function classify(array $m, ?array $prev, ?array $next, array $threads): string
    {
        $path = (string) $m['path'];
        $perms = (string) $m['perms'];
        if (str_ends_with($path, '/temporal.so')) {
            // Text and read-only data are clean file pages (shared, droppable); relro and data are private.
            return 'ext temporal.so ' . match (true) {
                str_contains($perms, 'x') => 'text',
                ($m['Private_Dirty'] ?? 0) > 0 || str_contains($perms, 'w') => 'relro+data',
                default => 'rodata',
            };
        }
        if ($path !== '' && $path[0] === '/' && !str_contains($path, '(deleted)')) {
            return match (true) {
                str_contains($path, '/php/20') => 'file: other PHP extensions',
                (bool) preg_match('#/php[0-9.]*$#', $path) => 'file: php binary',
                str_contains($path, '.so') => 'file: shared libraries',
                default => 'file: other',
            };
        }
        if ($path === '[heap]') {
            return 'anon: [heap] (main malloc arena)';
        }
        if ($path === '[stack]') {
            return 'anon: main thread stack';
        }
        if (str_starts_with($path, '[v')) {
            return 'kernel: vdso/vvar';
        }
        if (str_contains($perms, 's') || str_contains($path, '/dev/zero') || str_contains($path, 'SYSV')) {
            return 'shm: opcache (shared anonymous)';
        }
        if ($perms === '---p') {
            return 'reserved: guard pages, arena reserve (no RSS)';
        }
        foreach ($threads as $t) {
            if ($t['tid'] !== getmypid() && $t['sp'] !== null && $t['sp'] >= $m['start'] && $t['sp'] < $m['end']) {
                return 'anon: thread stacks (non-main)';
            }
        }
        if (self::isArena($m, $next)) {
            return 'anon: malloc thread arenas';
        }
        // A Fiber's C stack: mmap(stack + 1 guard page), the guard mprotect()ed PROT_NONE below it.
        if ($prev !== null && $prev['perms'] === '---p' && $prev['end'] === $m['start']
            && $m['end'] - $m['start'] === self::fiberStackBytes()) {
            return 'anon: fiber stacks';
        }
        return 'anon: other (Zend heap chunks, large mallocs)';
    }

    /** @param array<string, int|string> $m @param array<string, int|string>|null $next */
    private static function isArena(array $m, ?array $next): bool
    {
        if ($m['start'] % self::ARENA_BYTES !== 0) {
            return false;
        }
        $reserved = $next !== null && $next['perms'] === '---p' && $next['start'] === $m['end'];
        $end = $reserved ? $next['end'] : $m['end'];
        return $end - $m['start'] === self::ARENA_BYTES;
    }

    private static function fiberStackBytes(): int
    {
        $ini = (string) ini_get('fiber.stack_size');
        if ($ini === '') {
            return self::DEFAULT_FIBER_STACK;
        }
        $bytes = (int) $ini;
        $unit = strtolower(substr($ini, -1));
        $bytes *= ['k' => 1 << 10, 'm' => 1 << 20, 'g' => 1 << 30][$unit] ?? 1;
        // zend_fiber_stack_allocate() rounds up to whole pages.
        return (int) (ceil($bytes / 4096) * 4096);
    }
}

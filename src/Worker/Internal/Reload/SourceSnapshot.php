<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Worker\Internal\Reload;

/**
 * What the watched sources hold at one moment: a hash of every watched file. Hashes, not mtimes: an mtime has
 * one-second steps on many filesystems, so two saves within a second could look like one.
 *
 * @internal
 */
final class SourceSnapshot
{
    /** @param array<string, string> $hashes file => hash of its bytes, sorted by file */
    private function __construct(private readonly array $hashes)
    {
    }

    /**
     * @param list<string> $paths files (any name), or directories whose *.php files are read, recursively
     */
    public static function take(array $paths): self
    {
        $hashes = [];
        foreach ($paths as $path) {
            foreach (is_dir($path) ? self::phpFilesUnder($path) : [$path] as $file) {
                $hash = @hash_file('xxh128', $file);  // a file deleted meanwhile is simply not there
                if ($hash !== false) {
                    $hashes[$file] = $hash;
                }
            }
        }
        ksort($hashes, SORT_STRING);
        return new self($hashes);
    }

    /** @param array<string, string> $hashes as hashes() returned them */
    public static function ofHashes(array $hashes): self
    {
        ksort($hashes, SORT_STRING);
        return new self($hashes);
    }

    /** @return array<string, string> file => hash */
    public function hashes(): array
    {
        return $this->hashes;
    }

    public function equals(self $other): bool
    {
        return $this->hashes === $other->hashes;
    }

    /** @return list<string> the files added, removed or changed in $later, sorted */
    public function changedFiles(self $later): array
    {
        $changed = array_keys(array_diff_assoc($later->hashes, $this->hashes) + array_diff_key($this->hashes, $later->hashes));
        sort($changed, SORT_STRING);
        return $changed;
    }

    /** @return list<string> */
    private static function phpFilesUnder(string $directory): array
    {
        $files = [];
        try {
            $entries = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($directory,
                \FilesystemIterator::SKIP_DOTS | \FilesystemIterator::CURRENT_AS_PATHNAME));
            foreach ($entries as $file) {
                if (str_ends_with($file, '.php')) {
                    $files[] = $file;
                }
            }
        } catch (\UnexpectedValueException) {
            // a directory removed while it was read: the next snapshot sees what is left
        }
        return $files;
    }
}

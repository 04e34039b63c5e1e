<?php
// Usage: cargo metadata --format-version 1 ... | php protos-dir.php
// Prints the protos/ directory of the one temporalio-protos crate in the bridge's dependency graph.

declare(strict_types=1);

$dirs = [];
foreach (json_decode(stream_get_contents(STDIN), true, 512, JSON_THROW_ON_ERROR)['packages'] as $package) {
    if ($package['name'] === 'temporalio-protos') {
        $dirs[$package['version']] = dirname($package['manifest_path']) . '/protos';
    }
}
if (count($dirs) !== 1) {
    fwrite(STDERR, 'expected one temporalio-protos in the bridge graph, found: ' . implode(', ', array_keys($dirs)) . "\n");
    exit(1);
}
echo reset($dirs), "\n";

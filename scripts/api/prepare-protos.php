<?php
// Usage: php prepare-protos.php <staged proto root>
// Rewrites the staged .proto COPY in place before protoc --php_out runs:
//
// 1. Namespaces: every file gets php_namespace / php_metadata_namespace under TrueAsync\Temporal\Api\
//    (rule in php-names.php).
// 2. Isolation of third-party protos: the native protobuf runtime keys its descriptor pool by .proto file
//    name and by full message name, and maps each message to ONE PHP class. Namespacing alone is not enough:
//    if google/common-protos (or any package with Google\Rpc\Status) loads google/rpc/status.proto first,
//    `new` on our class throws "Couldn't find descriptor". So the files that generate-api.sh stages under
//    trueasync/ (google.rpc, google.api, grpc.health.v1, nexusannotations.v1) also get the package
//    `trueasync.<package>`, and every import of them and every `(package.option)` use is rewritten to match.
//    None of these names is visible on the wire: no Temporal message carries them inside an Any, and the
//    gRPC paths are built by the Rust bridge.
//    temporal.api.* and coresdk.* keep their packages, so Any type URLs and json/protobuf messageType stay
//    the standard `temporal.api.…` names. The price: under the native runtime one process cannot also load
//    the temporal/api package's classes, which define the same file and message names.

declare(strict_types=1);

require __DIR__ . '/php-names.php';

[, $root] = $argv + [null, null];
if ($root === null || !is_dir($root)) {
    fwrite(STDERR, "usage: php prepare-protos.php <staged proto root>\n");
    exit(2);
}

function fail(string $message): never
{
    fwrite(STDERR, "prepare-protos: $message\n");
    exit(1);
}

/** @return array<string, array{package: string, text: string}> import path → package and text */
function read_protos(string $root): array
{
    $protos = [];
    $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS));
    foreach ($files as $file) {
        if ($file->getExtension() === 'proto') {
            $path = substr($file->getPathname(), strlen(rtrim($root, '/')) + 1);
            $text = file_get_contents($file->getPathname());
            preg_match('/^package\s+([\w.]+)\s*;/m', $text, $m) || fail("no package in $path");
            $protos[$path] = ['package' => $m[1], 'text' => $text];
        }
    }
    ksort($protos);
    return $protos;
}

function check_unique_names(array $protos): void
{
    $namespaces = $metadataClasses = [];
    foreach ($protos as $path => ['package' => $package]) {
        $namespace = strtolower(api_php_namespace($package));
        if (($namespaces[$namespace] ??= $package) !== $package) {
            fail("packages $package and {$namespaces[$namespace]} share the namespace $namespace");
        }
        $class = strtolower(api_metadata_namespace($package) . '\\' . api_php_segment(basename($path, '.proto')));
        if (($metadataClasses[$class] ??= $path) !== $path) {
            fail("$path and {$metadataClasses[$class]} share the metadata class $class");
        }
    }
}

/** Isolated packages and moved import paths, from the files staged under trueasync/. */
function isolated(array $protos): array
{
    $packages = $paths = [];
    foreach ($protos as $path => ['package' => $package]) {
        if (str_starts_with($path, API_ISOLATION_PREFIX . '/')) {
            $packages[$package] = API_ISOLATION_PREFIX . '.' . $package;
            $paths[substr($path, strlen(API_ISOLATION_PREFIX) + 1)] = $path;
        }
    }
    return [$packages, $paths];
}

function rewrite(string $text, string $package, array $isolatedPackages, array $movedPaths): string
{
    $text = preg_replace_callback('/^(import\s+(?:public\s+|weak\s+)?")([^"]+)(";)/m',
        static fn (array $m) => $m[1] . ($movedPaths[$m[2]] ?? $m[2]) . $m[3], $text);
    foreach ($isolatedPackages as $from => $to) {
        $text = str_replace('(' . $from . '.', '(' . $to . '.', $text);
    }
    if (isset($isolatedPackages[$package])) {
        $text = preg_replace('/^package\s+[\w.]+\s*;/m', "package {$isolatedPackages[$package]};", $text, 1);
        // Inside trueasync.google.*, `google.protobuf.X` would resolve to trueasync.google.protobuf.X.
        $text = preg_replace('/(?<![\w."\/])google\.protobuf\./', '.google.protobuf.', $text);
    }
    $options = sprintf("\noption php_namespace = \"%s\";\noption php_metadata_namespace = \"%s\";",
        addslashes(api_php_namespace($package)), addslashes(api_metadata_namespace($package)));
    $text = preg_replace('/^\s*option\s+php_(namespace|metadata_namespace|class_prefix)\s*=.*;\s*$\n?/m', '', $text);
    return preg_replace_callback('/^package\s+[\w.]+\s*;/m', static fn (array $m) => $m[0] . $options, $text, 1);
}

$protos = read_protos($root);
check_unique_names($protos);
[$isolatedPackages, $movedPaths] = isolated($protos);
foreach ($protos as $path => ['package' => $package, 'text' => $text]) {
    file_put_contents("$root/$path", rewrite($text, $package, $isolatedPackages, $movedPaths));
}

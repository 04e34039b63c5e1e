<?php

// The measured process of the memory breakdown (bench/memory/breakdown.py drives it; see that file and
// /work/notes/memory-table.md for the table it feeds). Two modes:
//
//   php -d extension=build/ext/modules/temporal.so bench/memory/breakdown.php --mode worker --out FILE \
//       --address HOST:PORT --task-queue Q [--max-activities 100] [--pollers 5] [--max-workflow-tasks 100] \
//       [--workflow-pollers 5] [--max-cached-workflows 1000]
//
// A worker as `make bench` runs its drain peer (bench/workers/php_worker.php --role one-activity: the same
// tuning flags and defaults): one workflow type, BenchMemory, and one activity, "noop", on one task queue.
// It appends a JSON snapshot (probe.php) to FILE at four points of its start (bare PHP, autoloader, client
// connected, worker configured), prints "worker ready" before run() as php_worker.php does, and then one more
// each time it receives SIGUSR1. The command FILE.cmd holds when the signal arrives (written by the driver)
// says what to do first: "snapshot", "gc" (gc_collect_cycles + gc_mem_caches: what Zend hands back), "trim"
// (glibc's malloc_trim through FFI: what malloc keeps free), or "classes PATH" (write every declared class to
// PATH, for the classes mode). BenchMemory(hold: true) runs "noop" then waits for the "release"
// signal, so a run stays in the workflow cache: the driver holds N of them to measure a cached run.
//
//   php [-d opcache.enable_cli=1] -d extension=... bench/memory/breakdown.php --mode classes --out FILE \
//       --list LIST|all-gen|descriptors
//
// No server: loads the classes LIST names (one per line, as the worker's "classes" command wrote them), or every
// generated class under gen/, into a fresh process and snapshots before and after each group (the SDK, the
// generated messages, then their descriptors: GPBMetadata initOnce()), so each group's cost is a difference.
// "descriptors" splits the descriptors a first workflow activation registers: see loadDescriptors().

declare(strict_types=1);

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\RetryPolicy;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Worker\WorkerOptions;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

require __DIR__ . '/probe.php';

// Before the autoloader: PHP, its extensions and temporal.so loaded, the core runtime not started yet.
$bare = MemoryProbe::snapshot('php started (extensions loaded)');
require __DIR__ . '/../../vendor/autoload.php';

/** Appends one snapshot to $file as a JSON line (the driver reads it as soon as the line is complete). */
function record(string $file, array $snapshot): void
{
    file_put_contents($file, json_encode($snapshot, JSON_THROW_ON_ERROR) . "\n", FILE_APPEND | LOCK_EX);
}

#[WorkflowInterface]
final class BenchMemory
{
    private bool $released = false;

    /** BenchOneActivity of the drain, and with $hold a run that then stays in the cache until "release". */
    #[WorkflowMethod(name: 'BenchMemory')]
    public function run(bool $hold = false): void
    {
        Workflow::executeActivity(
            'noop',
            [],
            ActivityOptions::new()
                ->withStartToCloseTimeout(10)
                ->withRetryPolicy(RetryPolicy::new()->withMaximumAttempts(1)),
        );
        if ($hold) {
            // A process-wide count (a side effect on purpose): the driver waits for it to reach N.
            if (!Workflow::isReplaying()) {
                MemoryProbe::$held++;
            }
            Workflow::await(fn (): bool => $this->released);
        }
    }

    #[SignalMethod(name: 'release')]
    public function release(): void
    {
        $this->released = true;
    }
}

/** @param array<string, string|false|list<string|false>> $opts */
function runWorker(array $opts, array $bare): void
{
    $out = (string) $opts['out'];
    record($out, $bare);
    record($out, MemoryProbe::snapshot('autoloader'));
    $client = Client::connect(ConnectionOptions::new((string) $opts['address']));
    record($out, MemoryProbe::snapshot('client connected (core runtime started)'));

    $factory = WorkerFactory::create($client);
    $options = WorkerOptions::new()
        ->withMaxConcurrentActivityExecutionSize((int) ($opts['max-activities'] ?? 100))
        ->withMaxConcurrentActivityTaskPollers((int) ($opts['pollers'] ?? 5))
        ->withMaxConcurrentWorkflowTaskExecutionSize((int) ($opts['max-workflow-tasks'] ?? 100))
        ->withMaxConcurrentWorkflowTaskPollers((int) ($opts['workflow-pollers'] ?? 5))
        ->withMaxCachedWorkflows((int) ($opts['max-cached-workflows'] ?? 1000));
    $worker = $factory->newWorker((string) $opts['task-queue'], $options);
    $worker->registerActivityCallable('noop', fn () => null);
    $worker->registerWorkflowTypes(BenchMemory::class);
    record($out, MemoryProbe::snapshot('worker configured (not polling yet)'));

    // WorkerFactory::run() turns async signals on; a SIGUSR1 that comes earlier waits for it.
    pcntl_signal(SIGUSR1, static function () use ($out): void {
        record($out, command(trim((string) @file_get_contents("$out.cmd"))));
    });
    echo "worker ready\n";
    $factory->run();
    echo "worker stopped\n";
}

/** Runs one driver command and returns the snapshot taken after it. */
function command(string $line): array
{
    [$command, $argument] = explode(' ', $line, 2) + [1 => ''];
    $did = [];
    if ($command === 'gc') {
        $did['gc_collected'] = gc_collect_cycles();
        $did['gc_mem_caches_freed'] = gc_mem_caches();
    } elseif ($command === 'trim' && class_exists(FFI::class)) {
        $did['malloc_trim'] = FFI::cdef('int malloc_trim(size_t pad);', 'libc.so.6')->malloc_trim(0);
    } elseif ($command === 'classes' && $argument !== '') {
        file_put_contents($argument, implode("\n", MemoryProbe::declared()) . "\n");
    }
    return ['command' => $command, 'did' => $did] + MemoryProbe::snapshot($command);
}

/**
 * The classes mode: the SDK's and the generated classes LIST names, loaded group by group.
 *
 * @param list<string> $names
 */
function loadClasses(string $out, array $names): void
{
    $groups = ['sdk' => [], 'gen_api' => [], 'gen_metadata' => []];
    foreach ($names as $name) {
        $origin = MemoryProbe::namespaceOrigin($name);  // by name: nothing is loaded before its group
        if (isset($groups[$origin])) {
            $groups[$origin][] = $name;
        }
    }
    record($out, ['count' => 0] + MemoryProbe::snapshot('autoloader'));
    foreach (['sdk', 'gen_api'] as $group) {
        foreach ($groups[$group] as $name) {
            class_exists($name) || interface_exists($name) || trait_exists($name) || enum_exists($name);
        }
        record($out, ['count' => \count($groups[$group])] + MemoryProbe::snapshot("+ $group classes loaded"));
    }
    // A generated message's descriptors enter ext-protobuf's pool (C memory) when its file's GPBMetadata class
    // runs initOnce(), which the message's constructor calls: loading the class alone does not.
    foreach ($groups['gen_metadata'] as $name) {
        $name::initOnce();
    }
    record($out, ['count' => \count($groups['gen_metadata'])]
        + MemoryProbe::snapshot('+ gen_metadata initOnce() (descriptor pool)'));
}

/**
 * The descriptors a worker's first activation registers, in three parts: what workflow_activation.proto imports
 * but coresdk's nexus.proto; the workflow service's request_response.proto, which that nexus.proto imports (and
 * with it most of the API); then the two files themselves. "count" is the number of proto files registered.
 */
function loadDescriptors(string $out): void
{
    $meta = 'TrueAsync\\Temporal\\Api\\GPBMetadata\\';
    $files = static fn (): int => \count(array_filter(get_declared_classes(), static fn (string $c): bool =>
        str_starts_with($c, $meta)));
    $steps = [
        'activation imports but nexus.proto' => ['Failure\\V1\\Message', 'Update\\V1\\Message',
            'Enums\\V1\\Workflow', 'Coresdk\\ActivityResult\\ActivityResult', 'Coresdk\\ChildWorkflow\\ChildWorkflow',
            'Coresdk\\Common\\Common'],
        '+ workflowservice request_response.proto and its imports' => ['Workflowservice\\V1\\RequestResponse'],
        '+ coresdk nexus.proto and workflow_activation.proto' => ['Coresdk\\WorkflowActivation\\WorkflowActivation'],
    ];
    record($out, ['count' => 0] + MemoryProbe::snapshot('autoloader'));
    foreach ($steps as $label => $names) {
        $before = $files();
        foreach ($names as $name) {
            ($meta . $name)::initOnce();
        }
        record($out, ['count' => $files() - $before] + MemoryProbe::snapshot($label));
    }
}

/** @return list<string> every class the generated tree declares, from its PSR-4 file names */
function allGenerated(): array
{
    $root = realpath(__DIR__ . '/../../gen');
    $names = [];
    $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS));
    foreach ($files as $file) {
        if ($file->getExtension() === 'php') {
            $relative = substr($file->getPathname(), \strlen($root) + 1, -4);
            $names[] = strtr($relative, '/', '\\');
        }
    }
    sort($names);
    return $names;
}

$opts = getopt('', ['mode:', 'out:', 'list:', 'address:', 'task-queue:', 'max-activities:',
    'pollers:', 'max-workflow-tasks:', 'workflow-pollers:', 'max-cached-workflows:']);
$mode = (string) ($opts['mode'] ?? '');
if ($mode === 'worker' && isset($opts['out'], $opts['address'], $opts['task-queue'])) {
    runWorker($opts, $bare);
} elseif ($mode === 'classes' && isset($opts['out'], $opts['list'])) {
    record((string) $opts['out'], $bare);
    $list = (string) $opts['list'];
    if ($list === 'descriptors') {
        loadDescriptors((string) $opts['out']);
    } else {
        $names = $list === 'all-gen' ? allGenerated() : file($list, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
        loadClasses((string) $opts['out'], $names);
    }
} else {
    fwrite(STDERR, "usage: breakdown.php --mode worker --out FILE --address HOST:PORT --task-queue Q "
        . "[tuning flags]\n       breakdown.php --mode classes --out FILE --list LIST|all-gen|descriptors\n");
    exit(2);
}

<?php

// A user's project as `composer require trueasync/temporal` leaves it (scripts/dist/test-composer-package.sh):
// only vendor/autoload.php, the installed package and the extension. Runs one workflow that calls one
// activity against the server at TEMPORAL_ADDRESS and prints its result.

declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Worker\WorkerFactory;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

#[WorkflowInterface]
final class PackageGreeting
{
    #[WorkflowMethod(name: 'PackageGreeting')]
    public function run(string $name): string
    {
        return Workflow::executeActivity('greet', [$name], ActivityOptions::new()->withStartToCloseTimeout(30));
    }
}

$client = Client::connect(ConnectionOptions::new((string) getenv('TEMPORAL_ADDRESS')));
$factory = WorkerFactory::create($client);
$queue = 'package-test-' . bin2hex(random_bytes(4));
$factory->newWorker($queue)
    ->registerWorkflowTypes(PackageGreeting::class)
    ->registerActivityCallable('greet', fn (string $name): string => "Hello, $name, from the Composer package");
echo $factory->runUntil(fn () => $client->start('PackageGreeting', ['PHP'], WorkflowOptions::new()->withTaskQueue($queue))
    ->result(timeoutSeconds: 60)), PHP_EOL;

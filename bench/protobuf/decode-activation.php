<?php
// Times decoding a WorkflowActivation (coresdk) with whichever protobuf runtime this process has.
//   php bench/protobuf/decode-activation.php [seconds per case, default 1]
// bench/protobuf/run.sh runs it under the native extension and the pure-PHP runtime.
//
// decode = mergeFromString only. The native runtime creates PHP objects for sub-messages lazily, so
// decode+walk also reads every job and payload, as the workflow Dispatcher will.

declare(strict_types=1);

require dirname(__DIR__, 2) . '/tests/bootstrap-protobuf.php';

use Google\Protobuf\Duration;
use Google\Protobuf\Timestamp;
use TrueAsync\Temporal\Api\Common\V1\Memo;
use TrueAsync\Temporal\Api\Common\V1\Payload;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Common\V1\RetryPolicy;
use TrueAsync\Temporal\Api\Common\V1\SearchAttributes;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\ActivityResolution;
use TrueAsync\Temporal\Api\Coresdk\ActivityResult\Success;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\DoUpdate;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\FireTimer;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\NotifyHasPatch;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\ResolveActivity;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\SignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivationJob;
use TrueAsync\Temporal\Api\Update\V1\Meta;
use function TrueAsync\Temporal\Tests\useProtobufRuntime;

function json_payload(mixed $value): Payload
{
    return new Payload(['metadata' => ['encoding' => 'json/plain'], 'data' => json_encode($value)]);
}

function order(int $id): array
{
    $line = ['sku' => 'SKU-1234', 'qty' => 2, 'price' => 19.99];
    return ['id' => "order-$id", 'customer' => 'c-' . ($id * 7), 'lines' => array_fill(0, 5, $line)];
}

function trace_header(): array
{
    return ['trace' => json_payload(['traceparent' => '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'])];
}

/** First activation of a run: InitializeWorkflow with arguments, headers, memo, search attributes. */
function initialize_activation(): WorkflowActivation
{
    $init = new InitializeWorkflow([
        'workflow_type' => 'OrderWorkflow',
        'workflow_id' => 'order-1001',
        'arguments' => [json_payload(order(1001)), json_payload('express')],
        'randomness_seed' => 1234567890123,
        'headers' => trace_header(),
        'identity' => '4242@worker-1',
        'workflow_run_timeout' => new Duration(['seconds' => 86400]),
        'workflow_task_timeout' => new Duration(['seconds' => 10]),
        'first_execution_run_id' => 'f2d7c2a4-5b7e-4c2e-9a57-1d2b3c4d5e6f',
        'retry_policy' => new RetryPolicy([
            'initial_interval' => new Duration(['seconds' => 1]), 'backoff_coefficient' => 2.0, 'maximum_attempts' => 5,
        ]),
        'attempt' => 1,
        'memo' => new Memo(['fields' => ['note' => json_payload('rush order')]]),
        'search_attributes' => new SearchAttributes(['indexed_fields' => ['CustomerId' => json_payload('c-7007')]]),
        'start_time' => new Timestamp(['seconds' => 1760000000, 'nanos' => 123000000]),
    ]);
    return activation(1, [new WorkflowActivationJob(['initialize_workflow' => $init])]);
}

/** A mid-run activation: an activity result, a timer, a signal, a patch marker and an update. */
function resume_activation(): WorkflowActivation
{
    $charged = json_payload(['charged' => true, 'amount' => 99.95, 'tx' => str_repeat('a1b2', 16)]);
    $jobs = [
        'resolve_activity' => new ResolveActivity([
            'seq' => 3, 'result' => new ActivityResolution(['completed' => new Success(['result' => $charged])]),
        ]),
        'fire_timer' => new FireTimer(['seq' => 4]),
        'signal_workflow' => new SignalWorkflow([
            'signal_name' => 'addLine', 'identity' => 'cli@host', 'headers' => trace_header(),
            'input' => [json_payload(['sku' => 'SKU-9', 'qty' => 1]), json_payload('note')],
        ]),
        'notify_has_patch' => new NotifyHasPatch(['patch_id' => 'v2-shipping']),
        'do_update' => new DoUpdate([
            'id' => 'upd-1', 'protocol_instance_id' => 'upd-1', 'name' => 'setAddress', 'run_validator' => true,
            'input' => [json_payload(['street' => '1 Main St', 'city' => 'Springfield', 'zip' => '12345'])],
            'meta' => new Meta(['update_id' => 'upd-1', 'identity' => 'cli@host']),
        ]),
    ];
    $wrapped = [];
    foreach ($jobs as $variant => $job) {
        $wrapped[] = new WorkflowActivationJob([$variant => $job]);
    }
    return activation(17, $wrapped);
}

function activation(int $historyLength, array $jobs): WorkflowActivation
{
    return new WorkflowActivation([
        'run_id' => '0b8f5e1c-2f5c-4d7a-9a53-6c1f0e9d8b7a',
        'timestamp' => new Timestamp(['seconds' => 1760000123, 'nanos' => 456000000]),
        'history_length' => $historyLength,
        'jobs' => $jobs,
        'available_internal_flags' => [1, 2, 3],
        'history_size_bytes' => 4096 * $historyLength,
        'last_sdk_version' => '0.1.0',
    ]);
}

/** Reads what the Dispatcher reads: every job's variant and every payload's bytes. Returns bytes seen. */
function walk(WorkflowActivation $activation): int
{
    $seen = strlen($activation->getRunId());
    foreach ($activation->getJobs() as $job) {
        $variant = $job->{'get' . str_replace('_', '', ucwords($job->getVariant(), '_'))}();
        foreach (['getArguments', 'getInput'] as $getter) {
            if (method_exists($variant, $getter)) {
                foreach ($variant->$getter() as $payload) {
                    $seen += strlen($payload->getData()) + count($payload->getMetadata());
                }
            }
        }
        if ($variant instanceof ResolveActivity) {
            $seen += strlen($variant->getResult()->getCompleted()->getResult()->getData());
        }
    }
    return $seen;
}

function time_per_call(callable $fn, float $seconds): float
{
    for ($i = 0; $i < 200; $i++) {
        $fn();
    }
    $n = 0;
    $start = hrtime(true);
    $deadline = $start + (int) ($seconds * 1e9);
    do {
        for ($i = 0; $i < 100; $i++) {
            $fn();
        }
        $n += 100;
        $now = hrtime(true);
    } while ($now < $deadline);
    return ($now - $start) / 1e3 / $n;
}

$seconds = (float) ($argv[1] ?? 1);
$runtime = useProtobufRuntime();
foreach (['initialize' => initialize_activation(), 'resume' => resume_activation()] as $case => $activation) {
    $bytes = $activation->serializeToString();
    $expected = walk($activation);
    $decoded = new WorkflowActivation();
    $decoded->mergeFromString($bytes);
    if (walk($decoded) !== $expected || count($decoded->getJobs()) !== count($activation->getJobs())) {
        fwrite(STDERR, "$case: decoded activation differs from the original\n");
        exit(1);
    }
    $decode = time_per_call(static function () use ($bytes): void {
        (new WorkflowActivation())->mergeFromString($bytes);
    }, $seconds);
    $decodeWalk = time_per_call(static function () use ($bytes): void {
        $a = new WorkflowActivation();
        $a->mergeFromString($bytes);
        walk($a);
    }, $seconds);
    printf("%-6s %-10s %5d bytes %2d jobs  decode %8.2f µs  decode+walk %8.2f µs\n",
        $runtime, $case, strlen($bytes), count($activation->getJobs()), $decode, $decodeWalk);
}

--TEST--
Replayer: a pushed history becomes an InitializeWorkflow activation; after close() the poll returns null
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_api_classes.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/replay.php';
require __DIR__ . '/../fixtures/worker.php';

use TrueAsync\Temporal\Core\Replayer;
use TrueAsync\Temporal\Core\Worker;

$replayer = new Replayer(replayOptions());
$worker = $replayer->getWorker();
var_dump($worker instanceof Worker, $worker === $replayer->getWorker());

$poll = $worker->startPollWorkflowActivation();
$replayer->pushHistory('wf-1', startedHistory('ReplayedWorkflow'));
$activation = decodeActivation(settle($poll));
foreach ($activation->getJobs() as $job) {
    echo $job->getVariant(), ': ', $job->getInitializeWorkflow()->getWorkflowType(), ' ',
        $job->getInitializeWorkflow()->getWorkflowId(), "\n";
}
$complete = $worker->startCompleteWorkflowActivation(completeWorkflowCompletion($activation->getRunId()));
attempt('complete', fn() => settle($complete));

$replayer->close();
$poll = $worker->startPollWorkflowActivation();
$result = settle($poll);
while (is_string($result)) {   // the finished run is evicted before the shutdown
    $activation = decodeActivation($result);
    foreach ($activation->getJobs() as $job) {
        echo 'job: ', $job->getVariant(), "\n";
    }
    settle($worker->startCompleteWorkflowActivation(
        (new TrueAsync\Temporal\Api\Coresdk\WorkflowCompletion\WorkflowActivationCompletion())
            ->setRunId($activation->getRunId())
            ->setSuccessful(new TrueAsync\Temporal\Api\Coresdk\WorkflowCompletion\Success())
            ->serializeToString()));
    $result = settle($worker->startPollWorkflowActivation());
}
var_dump($result);
attempt('finalize', fn() => $worker->finalizeShutdown());
?>
--EXPECT--
bool(true)
bool(true)
initialize_workflow: ReplayedWorkflow wf-1
complete: NULL
job: remove_from_cache
NULL
finalize: NULL

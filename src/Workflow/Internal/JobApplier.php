<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\DoUpdate;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\InitializeWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\QueryWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\SignalWorkflow;
use TrueAsync\Temporal\Api\Coresdk\WorkflowActivation\WorkflowActivation;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\QueryResult;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\QuerySuccess;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\UpdateResponse;
use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\WorkflowCommand;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\EncodedArguments;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\ExecuteInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\UpdateInput;

/**
 * Applies an activation's jobs to a run as state changes only (no Fiber runs here), and answers queries.
 *
 * @internal
 */
final class JobApplier
{
    public function __construct(private readonly Handlers $handlers)
    {
    }

    /**
     * @return list<QueryWorkflow> the queries, to answer after the Fibers ran
     * @throws \LogicException a job this engine does not support yet, or a resolution nobody waits for
     */
    public function apply(WorkflowRun $run, WorkflowActivation $activation): array
    {
        [$queries, $start, $cancel] = [[], null, false];
        foreach ($activation->getJobs() as $job) {
            match ($job->getVariant()) {
                'initialize_workflow' => $start = $this->initialize($run, $job->getInitializeWorkflow()),
                'fire_timer' => $run->resolve('timer', $job->getFireTimer()->getSeq(), true),
                'resolve_activity' => $run->resolve('activity', $job->getResolveActivity()->getSeq(),
                    $job->getResolveActivity()->getResult()),
                'resolve_child_workflow_execution_start' => $run->resolve('child_start',
                    $job->getResolveChildWorkflowExecutionStart()->getSeq(), $job->getResolveChildWorkflowExecutionStart()),
                'resolve_child_workflow_execution' => $run->resolve('child',
                    $job->getResolveChildWorkflowExecution()->getSeq(), $job->getResolveChildWorkflowExecution()->getResult()),
                'signal_workflow' => $this->signal($run, $job->getSignalWorkflow()),
                'resolve_signal_external_workflow' => $run->resolve('external_signal',
                    $job->getResolveSignalExternalWorkflow()->getSeq(), $job->getResolveSignalExternalWorkflow()->getFailure()),
                'resolve_request_cancel_external_workflow' => $run->resolve('external_cancel',
                    $job->getResolveRequestCancelExternalWorkflow()->getSeq(), $job->getResolveRequestCancelExternalWorkflow()->getFailure()),
                'cancel_workflow' => $cancel = true,
                'query_workflow' => $queries[] = $job->getQueryWorkflow(),
                'do_update' => $this->update($run, $job->getDoUpdate()),
                'update_random_seed' => $run->reseed((int) $job->getUpdateRandomSeed()->getRandomnessSeed()),
                'notify_has_patch' => $run->patches->notify($job->getNotifyHasPatch()->getPatchId()),
                default => throw new \LogicException(\sprintf(
                    'workflow %s received a "%s" job, which this SDK version does not support yet',
                    $run->definition->type,
                    $job->getVariant(),
                )),
            };
        }
        if ($cancel) {
            // After every resolution of this activation, whatever their order: a wait resolved here returns its
            // value, and its Fiber meets the cancellation at its next wait.
            $run->requestCancel();
        }
        if ($start !== null) {
            // After the signal handlers, so state set by signal-with-start is visible to the workflow method.
            $run->startMain(fn () => $this->execute($run, $start));
        }
        return $queries;
    }

    /** Runs the workflow method through the inbound interceptors, in the main Fiber. */
    private function execute(WorkflowRun $run, InitializeWorkflow $start): mixed
    {
        $method = $run->definition->run;
        $args = $run->definition->dynamic
            ? [new EncodedArguments(new Payloads(['payloads' => iterator_to_array($start->getArguments(), false)]), $run->converter)]
            : $method->startArguments($start->getArguments(), $run->converter, $run->definition->type);
        $input = new ExecuteInput($run->info->workflowType, $args, Header::fromMessage($start->getHeaders(), $run->converter));
        return $run->interceptors->inbound->call('execute', $input,
            fn (ExecuteInput $input): mixed => $run->instance()->{$method->name}(...$input->args));
    }

    public function answer(WorkflowRun $run, QueryWorkflow $query): WorkflowCommand
    {
        $result = new QueryResult(['query_id' => $query->getQueryId()]);
        try {
            $builtIn = BuiltInQueries::answer($run, $query->getQueryType());
            if ($builtIn !== null) {
                $result->setSucceeded(new QuerySuccess(['response' => $run->converter->toPayloads([$builtIn], 'query result')->getPayloads()[0]]));
                return new WorkflowCommand(['respond_to_query' => $result]);
            }
            $handler = $this->handlers->find('query', $query->getQueryType(), $run->instance(),
                $run->definition->query($query->getQueryType())) ?? throw ApplicationFailure::create(
                \sprintf('unknown query "%s" (known queries: %s)', $query->getQueryType(), implode(', ', [
                    ...BuiltInQueries::NAMES, ...$run->definition->queryNames(), ...$this->handlers->registeredNames('query'),
                ])),
                'QueryNotRegistered',
            );
            $call = $handler($query->getArguments(), $run->converter);
            $input = new QueryInput($query->getQueryType(), $call->args, Header::fromMessage($query->getHeaders(), $run->converter));
            $value = $run->readOnly(fn (): mixed => $run->interceptors->inbound->call('handleQuery', $input,
                fn (QueryInput $input): mixed => $call->call($input->args)));
            $result->setSucceeded(new QuerySuccess(['response' => $run->converter->toPayloads([$value], 'query result')->getPayloads()[0]]));
        } catch (\Throwable $e) {
            $result->setFailed($run->converter->getFailureConverter()->toFailure($e, $run->converter));
        }
        return new WorkflowCommand(['respond_to_query' => $result]);
    }

    /**
     * Accepted or rejected now (arguments that don't fit the handler, or the validator, reject it; the
     * validator runs only for a new update); the handler completes it later. A TemporalFailure from the
     * handler fails the update; any other exception fails the workflow task, as in the workflow method, so a
     * fixed worker can run the update again. The inbound interceptors' validateUpdate and handleUpdate run
     * where the validator and the handler do.
     */
    private function update(WorkflowRun $run, DoUpdate $update): void
    {
        $respond = fn (array $outcome) => $run->command(new WorkflowCommand(['update_response' => new UpdateResponse(
            ['protocol_instance_id' => $update->getProtocolInstanceId()] + $outcome,
        )]));
        $fail = fn (\Throwable $e) => ['rejected' => $run->converter->getFailureConverter()->toFailure($e, $run->converter)];
        $name = $update->getName();
        try {
            $handler = $this->handlers->find('update', $name, $run->instance(), $run->definition->update($name))
                ?? throw ApplicationFailure::create(\sprintf('unknown update "%s" (known updates: %s)', $name,
                    implode(', ', [...$run->definition->updateNames(), ...$this->handlers->registeredNames('update')]) ?: 'none',
                ), 'UpdateNotRegistered');
            $call = $handler($update->getInput(), $run->converter);
            $header = Header::fromMessage($update->getHeaders(), $run->converter);
            if ($update->getRunValidator()) {
                $this->validate($run, $update, $call, $header);
            }
        } catch (\Throwable $e) {
            $respond($fail($e));
            return;
        }
        $respond(['accepted' => new \Google\Protobuf\GPBEmpty()]);
        $input = new UpdateInput($name, $update->getId(), $call->args, $header);
        $run->startHandler($this->handlers->tracked(function () use ($run, $call, $input, $respond, $fail): void {
            try {
                $value = $run->interceptors->inbound->call('handleUpdate', $input,
                    fn (UpdateInput $input): mixed => $call->call($input->args));
                $respond(['completed' => $run->converter->toPayloads([$value], 'update result')->getPayloads()[0]]);
            } catch (\Throwable $e) {
                if (!$run->failsWorkflow($e)) {
                    throw $e;
                }
                $respond($fail($e));
            }
        }));
    }

    /**
     * Runs a new update's validator, and the validateUpdate interceptors (even where there is no validator,
     * so that they can reject any update), read-only.
     *
     * @throws \Throwable the update is rejected
     */
    private function validate(WorkflowRun $run, DoUpdate $update, HandlerCall $handler, Header $header): void
    {
        $name = $update->getName();
        $validator = $run->definition->validator($name)
            ?->bind($run->instance(), "validator of update \"$name\"", $update->getInput(), $run->converter);
        if ($validator === null && $run->interceptors->inbound->isEmpty()) {
            return;
        }
        $input = new UpdateInput($name, $update->getId(), $validator->args ?? $handler->args, $header);
        $run->readOnly(fn () => $run->interceptors->inbound->call('validateUpdate', $input,
            static fn (UpdateInput $input) => $validator?->call($input->args)));
    }

    private function initialize(WorkflowRun $run, InitializeWorkflow $init): InitializeWorkflow
    {
        $run->reseed((int) $init->getRandomnessSeed());
        return $init;
    }

    /**
     * Queues the signal's handler, or buffers the signal until a handler is registered for it. A signal
     * whose arguments don't fit its handler (too few, too many, not decodable into the parameters' types)
     * is logged and dropped, as the Java, Python and Go SDKs drop a signal they cannot decode: it is bad
     * input from outside, which no retry of the workflow task could fix, and failing the task would stop
     * the workflow until it is reset.
     */
    public function signal(WorkflowRun $run, SignalWorkflow $signal): void
    {
        $name = $signal->getSignalName();
        $handler = $this->handlers->find('signal', $name, $run->instance(), $run->definition->signal($name));
        if ($handler === null) {
            $this->handlers->buffer($signal);
            return;
        }
        try {
            $call = $handler($signal->getInput(), $run->converter);
        } catch (ApplicationFailure $e) {
            $run->logger()->sdkError("{$e->getMessage()}; the signal is dropped", ['exception' => $e]);
            return;
        }
        $input = new SignalInput($name, $call->args, Header::fromMessage($signal->getHeaders(), $run->converter));
        $run->startHandler($this->handlers->tracked(fn () => $run->interceptors->inbound->call('handleSignal', $input,
            static function (SignalInput $input) use ($call): void {
                $call->call($input->args);
            })));
    }
}

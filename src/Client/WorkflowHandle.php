<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Client;

use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Exception\WorkflowContinuedAsNewException;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Exception\WorkflowQueryFailedException;
use TrueAsync\Temporal\Exception\WorkflowQueryRejectedException;
use TrueAsync\Temporal\Exception\WorkflowResultTimeoutException;
use TrueAsync\Temporal\Exception\WorkflowUpdateFailedException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\WorkflowClient\CancelInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\DescribeInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\FetchHistoryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\GetResultInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\TerminateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Internal\RpcTimeoutCopies;
use TrueAsync\Temporal\Internal\Service\WorkflowExecutionCalls;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\Uuid;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * One workflow execution, as Client::start() or Client::getHandle() name it: wait for its result (across
 * continue-as-new), signal, query, update, describe, fetch its history, cancel or terminate it. Calls block
 * until the server answers, or until the RPC timeout passes (withRpcTimeout()); result() waits as long as its
 * own timeout says.
 */
final class WorkflowHandle
{
    use RpcTimeoutCopies;

    /** @internal made by Client */
    public function __construct(
        private WorkflowService $service,
        private DataConverter $converter,
        private WorkflowExecution $execution,
        private ?string $workflowType = null,
    ) {
    }

    public function getExecution(): WorkflowExecution
    {
        return $this->execution;
    }

    public function getId(): string
    {
        return $this->execution->getWorkflowId();
    }

    /** The run this handle targets, or null for the latest run. */
    public function getRunId(): ?string
    {
        return $this->execution->getRunId();
    }

    /**
     * Waits for the run to close and returns its decoded result (null when it returned nothing).
     *
     * With $followRuns (the default), a run that continued as new, or was retried or re-run by its cron
     * schedule, is followed to the run that closed last; $timeoutSeconds covers the whole chain. The order
     * of the type and the timeout is the same as WorkflowUpdateHandle::result()'s.
     *
     * @param ?string $type decode the result into this PHP type ("int", "?string", "Foo[]", a class, enum or
     *                      protobuf message name); null: the payload's natural value
     * @param ?float $timeoutSeconds give up after this long; null waits as long as it takes
     * @param bool $followRuns follow continue-as-new, retry and cron runs; false stops at this run
     * @throws WorkflowFailedException the run failed, was cancelled, terminated or timed out (see its cause)
     * @throws WorkflowContinuedAsNewException the run continued as new and $followRuns is false
     * @throws WorkflowResultTimeoutException $timeoutSeconds passed first
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws DataConverterException the result cannot be decoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     * @throws \ValueError $timeoutSeconds is negative
     */
    public function result(?string $type = null, ?float $timeoutSeconds = null, bool $followRuns = true): mixed
    {
        $input = new GetResultInput($this->execution, $this->workflowType, $type, $timeoutSeconds, $followRuns);
        return $this->intercept('getResult', $input, $this->calls()->getResult(...));
    }

    /**
     * Runs an update handler of the workflow and returns its decoded result, once the handler finished. An RPC
     * timeout (withRpcTimeout()) bounds this whole wait: for a handler that may take longer, use startUpdate()
     * and then result() with a timeout of its own.
     *
     * @param string|UpdateOptions $nameOrOptions the update's name, or options with its name, id and result
     *     type (their wait stage is ignored: update() waits until the handler finished)
     * @param mixed ...$args the update's arguments, in order
     * @throws WorkflowUpdateFailedException the validator rejected the update or the handler failed
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws DataConverterException an argument or the result cannot be converted
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function update(string|UpdateOptions $nameOrOptions, mixed ...$args): mixed
    {
        $options = UpdateOptions::of($nameOrOptions)->withWaitStage(UpdateWaitStage::Completed);
        return $this->startUpdate($options, ...array_values($args))->result();
    }

    /**
     * Sends an update and returns its handle once it reached its wait stage (UpdateOptions; a name alone:
     * Accepted): Accepted (the validator passed, or rejected it) or Completed.
     *
     * @param string|UpdateOptions $nameOrOptions the update's name, or options with its name, wait stage, id
     *     (default: a random UUID) and result type
     * @param mixed ...$args the update's arguments, in order
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function startUpdate(string|UpdateOptions $nameOrOptions, mixed ...$args): WorkflowUpdateHandle
    {
        $options = UpdateOptions::of($nameOrOptions);
        $options = $options->withUpdateId($options->getUpdateId() ?? Uuid::v4());
        $input = new StartUpdateInput($this->execution, $options, array_values($args), $this->emptyHeader());
        return $this->intercept('startUpdate', $input, $this->calls()->startUpdate(...));
    }

    /**
     * The run's whole event history so far, every page.
     *
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function fetchHistory(): WorkflowHistory
    {
        $input = new FetchHistoryInput($this->execution);
        return $this->intercept('fetchHistory', $input, $this->calls()->fetchHistory(...));
    }

    /**
     * A handle to an update sent earlier, by its id. Makes no call; should the update have failed, its
     * result() reads the update's name from the run's history for WorkflowUpdateFailedException.
     */
    public function getUpdateHandle(string $updateId): WorkflowUpdateHandle
    {
        Utf8::check($updateId, 'WorkflowHandle::getUpdateHandle(): the update id');
        return new WorkflowUpdateHandle($this->service, $this->converter, $this->execution, $updateId);
    }

    /**
     * Sends a signal; returns once the server has recorded it.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws DataConverterException an argument cannot be encoded
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function signal(string $name, mixed ...$args): void
    {
        $input = new SignalInput($this->execution, $name, array_values($args), $this->emptyHeader());
        $this->intercept('signal', $input, $this->calls()->signal(...));
    }

    /**
     * Runs a query handler of the workflow and returns its decoded answer.
     *
     * @throws WorkflowQueryFailedException the handler failed, or the workflow has no handler for $name
     * @throws WorkflowQueryRejectedException the server rejected the query because of the workflow's status
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws DataConverterException an argument or the answer cannot be converted
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function query(string $name, mixed ...$args): mixed
    {
        return $this->queryAs(null, $name, ...$args);
    }

    /**
     * Runs a query handler of the workflow and returns its answer decoded into $type.
     *
     * @param ?string $type the PHP type of the answer (see result()); null: the payload's natural value
     * @throws WorkflowQueryFailedException the handler failed, or the workflow has no handler for $name
     * @throws WorkflowQueryRejectedException the server rejected the query because of the workflow's status
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws DataConverterException an argument or the answer cannot be converted
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function queryAs(?string $type, string $name, mixed ...$args): mixed
    {
        $input = new QueryInput($this->execution, $name, array_values($args), $type, $this->emptyHeader());
        return $this->intercept('query', $input, $this->calls()->query(...));
    }

    /**
     * Describes the run: status, type, task queue, times, history length, memo, search attributes and
     * static summary and details.
     *
     * @throws DataConverterException the static summary or details cannot be decoded
     * @throws WorkflowNotFoundException no such workflow execution
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function describe(): WorkflowExecutionDescription
    {
        return $this->intercept('describe', new DescribeInput($this->execution), $this->calls()->describe(...));
    }

    /**
     * Asks the workflow to cancel; returns once the server has recorded the request. The workflow decides
     * how to react; result() then usually throws WorkflowFailedException caused by CanceledFailure.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function cancel(): void
    {
        $this->intercept('cancel', new CancelInput($this->execution), $this->calls()->cancel(...));
    }

    /**
     * Stops the run at once, without running workflow code; result() then throws WorkflowFailedException
     * caused by TerminatedFailure.
     *
     * @throws WorkflowNotFoundException no such workflow execution, or it has closed
     * @throws ServiceException any other gRPC error status
     * @throws TemporalException the bridge failed
     */
    public function terminate(string $reason = ''): void
    {
        $this->intercept('terminate', new TerminateInput($this->execution, $reason), $this->calls()->terminate(...));
    }

    /** Runs $hook of the client's WorkflowClientCallsInterceptors around $last (the SDK's own code for the call). */
    private function intercept(string $hook, object $input, \Closure $last): mixed
    {
        return $this->service->intercept(WorkflowClientCallsInterceptor::class, $hook, $input, $last);
    }

    private function calls(): WorkflowExecutionCalls
    {
        return new WorkflowExecutionCalls($this->service, $this->converter);
    }

    private function emptyHeader(): Header
    {
        return Header::empty($this->converter);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Workflow\Fixtures;

use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowInboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowOutboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\ExecuteInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\UpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowInboundCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\CancelExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ContinueAsNewInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteLocalActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\SignalExternalWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\StartChildWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\TimerInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutboundCallsInterceptor;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;
use TrueAsync\Temporal\Workflow\WorkflowInfo;

/**
 * Counts every workflow hook call: a side effect outside the workflow (here, a line "workflow-id hook"
 * appended to a file), so it is skipped while the run replays history, or replays would count again. A
 * query is never replayed (it is not in history), so it counts whatever isReplaying() says (the core may
 * mark a query's activation as replaying).
 */
final class CountingInterceptor implements WorkflowInboundCallsInterceptor, WorkflowOutboundCallsInterceptor
{
    /** Set while this interceptor reads the workflow id itself: that getInfo() is not the workflow's. */
    private bool $readingInfo = false;

    /** @param bool $countReplays count calls while replaying too (marked so): to see that a replayer runs the hooks */
    public function __construct(private readonly string $file, private readonly bool $countReplays = false)
    {
    }

    private function count(string $hook, bool $evenWhileReplaying = false): void
    {
        $replaying = Workflow::isReplaying();
        if ($replaying && !$evenWhileReplaying && !$this->countReplays) {
            return;
        }
        $this->readingInfo = true;
        try {
            $workflowId = Workflow::getInfo()->workflowId;
        } finally {
            $this->readingInfo = false;
        }
        $mark = $replaying && !$evenWhileReplaying ? ' replaying' : '';
        file_put_contents($this->file, "$workflowId $hook$mark\n", FILE_APPEND | LOCK_EX);
    }

    public function execute(ExecuteInput $input, callable $next): mixed
    {
        $this->count('execute');
        return $next($input);
    }

    public function handleSignal(SignalInput $input, callable $next): void
    {
        $this->count('handleSignal');
        $next($input);
    }

    public function handleQuery(QueryInput $input, callable $next): mixed
    {
        $this->count('handleQuery', evenWhileReplaying: true);
        return $next($input);
    }

    public function validateUpdate(UpdateInput $input, callable $next): void
    {
        $this->count('validateUpdate');
        $next($input);
    }

    public function handleUpdate(UpdateInput $input, callable $next): mixed
    {
        $this->count('handleUpdate');
        return $next($input);
    }

    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed
    {
        $this->count('executeActivity');
        return $next($input);
    }

    public function executeLocalActivity(ExecuteLocalActivityInput $input, callable $next): mixed
    {
        $this->count('executeLocalActivity');
        return $next($input);
    }

    public function startChildWorkflow(StartChildWorkflowInput $input, callable $next): ChildWorkflowHandle
    {
        $this->count('startChildWorkflow');
        return $next($input);
    }

    public function signalExternalWorkflow(SignalExternalWorkflowInput $input, callable $next): void
    {
        $this->count('signalExternalWorkflow');
        $next($input);
    }

    public function cancelExternalWorkflow(CancelExternalWorkflowInput $input, callable $next): void
    {
        $this->count('cancelExternalWorkflow');
        $next($input);
    }

    public function continueAsNew(ContinueAsNewInput $input, callable $next): never
    {
        $this->count('continueAsNew');
        $next($input);
    }

    public function timer(TimerInput $input, callable $next): void
    {
        $this->count('timer');
        $next($input);
    }

    public function getInfo(callable $next): WorkflowInfo
    {
        if (!$this->readingInfo) {
            $this->count('getInfo');
        }
        return $next();
    }

    /** @return array<string, int> hook => calls recorded for $workflowId in $file (replaying ones apart) */
    public static function counts(string $file, string $workflowId): array
    {
        $counts = [];
        foreach (is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [] as $line) {
            [$id, $hook] = explode(' ', $line, 2);
            if ($id === $workflowId) {
                $counts[$hook] = ($counts[$hook] ?? 0) + 1;
            }
        }
        ksort($counts);
        return $counts;
    }
}

/**
 * Context propagation, as a tracing interceptor carries a traceparent: the "tenant" header a run started
 * with goes on to its activities, children, signals and next run. Shared by every run of the worker, so
 * what it keeps is keyed by run id; the execute hook sets it again on every replay. For the test to see
 * what arrived, the results of PhpTenantParent and its children are wrapped with the tenant their hooks saw.
 */
final class TenantInterceptor implements WorkflowInboundCallsInterceptor, WorkflowOutboundCallsInterceptor
{
    use WorkflowInboundCallsInterceptorTrait;
    use WorkflowOutboundCallsInterceptorTrait;

    /** @var array<string, array{start?: mixed, signal?: mixed}> by run id */
    private array $seen = [];

    public function execute(ExecuteInput $input, callable $next): mixed
    {
        $runId = Workflow::getInfo()->runId;
        // A signal that arrived with the run's first task was handled before this hook (an activation's jobs
        // are applied before its Fibers run): keep what it saw.
        $this->seen[$runId] = ['start' => $input->header->getValue('tenant')] + ($this->seen[$runId] ?? []);
        try {
            $result = $next($input);
            return \in_array($input->workflowType, ['PhpTenantParent', 'PhpCountedChild'], true)
                ? ['seen' => $this->seen[$runId], 'result' => $result] : $result;
        } finally {
            unset($this->seen[$runId]);
        }
    }

    public function handleSignal(SignalInput $input, callable $next): void
    {
        $this->seen[Workflow::getInfo()->runId]['signal'] = $input->header->getValue('tenant');
        $next($input);
    }

    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed
    {
        return $next($input->withHeader($this->withTenant($input->header)));
    }

    public function executeLocalActivity(ExecuteLocalActivityInput $input, callable $next): mixed
    {
        return $next($input->withHeader($this->withTenant($input->header)));
    }

    public function startChildWorkflow(StartChildWorkflowInput $input, callable $next): ChildWorkflowHandle
    {
        return $next($input->withHeader($this->withTenant($input->header)));
    }

    public function signalExternalWorkflow(SignalExternalWorkflowInput $input, callable $next): void
    {
        $next($input->withHeader($this->withTenant($input->header)));
    }

    public function continueAsNew(ContinueAsNewInput $input, callable $next): never
    {
        $next($input->withHeader($this->withTenant($input->header)));
    }

    private function withTenant(Header $header): Header
    {
        $tenant = $this->seen[Workflow::getInfo()->runId]['start'] ?? null;
        return $tenant === null ? $header : $header->withValue('tenant', $tenant);
    }
}

/**
 * Policies applied by interceptors: signal "add" counts ten times its argument, signal "explode" is refused
 * with a plain exception (a bug: it fails the workflow task), and activity "wf.forbidden" is refused with an
 * ApplicationFailure (it fails the workflow).
 */
final class PolicyInterceptor implements WorkflowInboundCallsInterceptor, WorkflowOutboundCallsInterceptor
{
    use WorkflowInboundCallsInterceptorTrait;
    use WorkflowOutboundCallsInterceptorTrait;

    public function handleSignal(SignalInput $input, callable $next): void
    {
        match ($input->signalName) {
            'add' => $next($input->withArgs([$input->args[0] * 10])),
            'explode' => throw new \RuntimeException('the policy interceptor refuses signal "explode"'),
            default => $next($input),
        };
    }

    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed
    {
        if ($input->activityType === 'wf.forbidden') {
            throw ApplicationFailure::create('activity wf.forbidden is not allowed by policy', 'Forbidden', nonRetryable: true);
        }
        return $next($input);
    }
}

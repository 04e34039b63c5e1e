<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Interceptor\Fixtures;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Interceptor\Activity\ActivityInput;
use TrueAsync\Temporal\Interceptor\ActivityInboundInterceptor;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Trait\ActivityInboundInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowClientCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowInboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowOutboundCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowClient\QueryInput as ClientQueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\ExecuteInput;
use TrueAsync\Temporal\Interceptor\WorkflowInbound\QueryInput;
use TrueAsync\Temporal\Interceptor\WorkflowInboundCallsInterceptor;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\ExecuteActivityInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutbound\StartChildWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowOutboundCallsInterceptor;
use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ChildWorkflowHandle;

/**
 * The tracing pattern of the README, without a tracer: a W3C traceparent goes from the client into the
 * workflow's start header, from the workflow into the headers of its activities and children, and is what
 * the workflow and the activity find as their current one. One object on every side. A real tracer would
 * start a span in each hook and write the span's own traceparent instead of passing the parent's on.
 */
final class TraceparentInterceptor implements
    WorkflowClientCallsInterceptor,
    WorkflowInboundCallsInterceptor,
    WorkflowOutboundCallsInterceptor,
    ActivityInboundInterceptor
{
    use WorkflowClientCallsInterceptorTrait;
    use WorkflowInboundCallsInterceptorTrait;
    use WorkflowOutboundCallsInterceptorTrait;
    use ActivityInboundInterceptorTrait;

    public const HEADER = 'traceparent';

    /** @var array<string, ?string> run id => the traceparent its start carried (runs share this object) */
    private static array $byRun = [];
    /** @var array<string, ?string> run id => the traceparent of the query it answers */
    private static array $byQuery = [];
    /** @var array<string, ?string> activity task token => the traceparent its schedule carried */
    private static array $byActivity = [];

    /** @param ?string $outgoing the caller's current traceparent, for what this client starts */
    public function __construct(private readonly ?string $outgoing = null)
    {
    }

    /** The traceparent of the running workflow; workflow code only. */
    public static function inWorkflow(): ?string
    {
        return self::$byRun[Workflow::getInfo()->runId] ?? null;
    }

    /** The traceparent of the query a query handler answers; query handlers only. */
    public static function inQuery(): ?string
    {
        return self::$byQuery[Workflow::getInfo()->runId] ?? null;
    }

    /** The traceparent of the running activity; activity code only. */
    public static function inActivity(): ?string
    {
        return self::$byActivity[Activity::getInfo()->taskToken] ?? null;
    }

    public function start(StartWorkflowInput $input, callable $next): WorkflowHandle
    {
        return $next($input->withHeader($this->carry($input->header, $this->outgoing)));
    }

    public function query(ClientQueryInput $input, callable $next): mixed
    {
        return $next($input->withHeader($this->carry($input->header, $this->outgoing)));
    }

    public function handleQuery(QueryInput $input, callable $next): mixed
    {
        $runId = Workflow::getInfo()->runId;
        self::$byQuery[$runId] = $input->header->getValue(self::HEADER, '?string');
        try {
            return $next($input);
        } finally {
            unset(self::$byQuery[$runId]);
        }
    }

    public function execute(ExecuteInput $input, callable $next): mixed
    {
        // Set again whenever the run is rebuilt from history; dropped when it ends or leaves the cache.
        $runId = Workflow::getInfo()->runId;
        self::$byRun[$runId] = $input->header->getValue(self::HEADER, '?string');
        try {
            return $next($input);
        } finally {
            unset(self::$byRun[$runId]);
        }
    }

    public function executeActivity(ExecuteActivityInput $input, callable $next): mixed
    {
        return $next($input->withHeader($this->carry($input->header, self::inWorkflow())));
    }

    public function startChildWorkflow(StartChildWorkflowInput $input, callable $next): ChildWorkflowHandle
    {
        return $next($input->withHeader($this->carry($input->header, self::inWorkflow())));
    }

    public function handleActivityInbound(ActivityInput $input, callable $next): mixed
    {
        $token = $input->info->taskToken;
        self::$byActivity[$token] = $input->header->getValue(self::HEADER, '?string');
        try {
            return $next($input);
        } finally {
            unset(self::$byActivity[$token]);
        }
    }

    private function carry(Header $header, ?string $traceparent): Header
    {
        return $traceparent === null ? $header : $header->withValue(self::HEADER, $traceparent);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * The activity task RPCs for async completion, by task token (fields ['task_token' => …]) or by ids
 * (['workflow_id', 'run_id', 'activity_id']: the "…ById" RPCs).
 *
 * @internal
 */
final class ActivityTaskResponder
{
    private const API = 'TrueAsync\\Temporal\\Api\\Workflowservice\\V1\\';

    public function __construct(private WorkflowService $service, private DataConverter $converter)
    {
    }

    /** @param array<string, string> $target */
    public function complete(array $target, mixed $result): void
    {
        $this->call('RespondActivityTaskCompleted', $target, ['result' => $this->converter->toPayloads([$result], 'result')]);
    }

    /**
     * @param array<string, string> $target
     * @param list<mixed> $lastHeartbeatDetails
     */
    public function fail(array $target, \Throwable $failure, array $lastHeartbeatDetails): void
    {
        $fields = ['failure' => $this->converter->getFailureConverter()->toFailure($failure, $this->converter)];
        if ($lastHeartbeatDetails !== []) {
            $fields['last_heartbeat_details'] = $this->converter->toPayloads($lastHeartbeatDetails, 'heartbeat detail');
        }
        $this->call('RespondActivityTaskFailed', $target, $fields);
    }

    /**
     * @param array<string, string> $target
     * @param array<mixed> $details
     * @return bool whether cancellation was requested
     */
    public function heartbeat(array $target, array $details): bool
    {
        $response = $this->call('RecordActivityTaskHeartbeat', $target, $this->details($details));
        return $response->getCancelRequested();
    }

    /**
     * @param array<string, string> $target
     * @param array<mixed> $details
     */
    public function reportCancellation(array $target, array $details): void
    {
        $this->call('RespondActivityTaskCanceled', $target, $this->details($details));
    }

    /** @return array<string, Payloads> */
    private function details(array $details): array
    {
        return $details === [] ? [] : ['details' => $this->converter->toPayloads($details, 'detail')];
    }

    /** @param array<string, string> $target */
    private function call(string $rpc, array $target, array $fields): Message
    {
        $rpc .= isset($target['task_token']) ? '' : 'ById';
        $requestClass = self::API . $rpc . 'Request';
        $responseClass = self::API . $rpc . 'Response';
        $common = ['namespace' => $this->service->getNamespace(), 'identity' => $this->service->getIdentity()];
        $request = new $requestClass($target + $fields + $common);
        return $this->service->call($rpc, $request, $responseClass);
    }
}

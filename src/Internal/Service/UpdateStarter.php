<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal\Service;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\Update\V1\Input;
use TrueAsync\Temporal\Api\Update\V1\Meta;
use TrueAsync\Temporal\Api\Update\V1\Request;
use TrueAsync\Temporal\Api\Update\V1\WaitPolicy;
use TrueAsync\Temporal\Api\Workflowservice\V1\UpdateWorkflowExecutionRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\UpdateWorkflowExecutionResponse;
use TrueAsync\Temporal\Client\UpdateWaitStage;
use TrueAsync\Temporal\Client\WorkflowExecution;
use TrueAsync\Temporal\Core\TemporalException;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\HeaderMessage;
use TrueAsync\Temporal\Internal\Utf8;
use TrueAsync\Temporal\Internal\WorkflowService;

/**
 * Sends an update and waits until it reached the asked stage. The server answers a long poll early, below the
 * stage, when its own poll interval passes: the same request (same update id) is then sent again.
 *
 * @internal
 */
final class UpdateStarter
{
    public function __construct(private WorkflowService $service)
    {
    }

    /** The update's message, shared with update-with-start; $header is what the workflow's update handler gets. */
    public function request(string $name, ?Payloads $args, string $updateId, Header $header): Request
    {
        $input = new Input(['name' => Utf8::check($name, 'the update name')]);
        Utf8::check($updateId, 'the update id');
        $input->setArgs($args);
        $input->setHeader(HeaderMessage::of($header));
        return new Request([
            'meta' => new Meta(['update_id' => $updateId, 'identity' => $this->service->getIdentity()]),
            'input' => $input,
        ]);
    }

    /** @throws TemporalException the server's error, mapped by ServiceErrors */
    public function start(
        WorkflowExecution $execution,
        Request $update,
        UpdateWaitStage $stage,
    ): UpdateWorkflowExecutionResponse {
        $request = new UpdateWorkflowExecutionRequest([
            'namespace' => $this->service->getNamespace(),
            'workflow_execution' => $execution->toMessage(),
            'wait_policy' => new WaitPolicy(['lifecycle_stage' => $stage->value]),
            'request' => $update,
        ]);
        do {
            $response = $this->service->call(
                'UpdateWorkflowExecution',
                $request,
                UpdateWorkflowExecutionResponse::class,
                execution: $execution,
            );
        } while ($response->getOutcome() === null && $response->getStage() < $stage->value);
        return $response;
    }
}

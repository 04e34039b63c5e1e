<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Internal;

use TrueAsync\Temporal\Api\Coresdk\WorkflowCommands\ContinueAsNewWorkflowExecution;

/**
 * Thrown by Workflow::continueAsNew() to unwind the workflow method; the run ends with the command it carries.
 * Do not catch it (catch specific exception types rather than \Throwable in workflow code).
 *
 * @internal
 */
final class ContinueAsNew extends \RuntimeException
{
    public function __construct(public readonly ContinueAsNewWorkflowExecution $command)
    {
        parent::__construct('the workflow continues as new');
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Testing;

/**
 * One WorkflowEnvironment per PHPUnit test class: started before its first test, shut down after its last.
 * startLocal() unless the class overrides createWorkflowEnvironment():
 *
 *     final class OrderTest extends TestCase
 *     {
 *         use WorkflowEnvironmentTrait;
 *
 *         protected static function createWorkflowEnvironment(): WorkflowEnvironment
 *         {
 *             return WorkflowEnvironment::startTimeSkipping();
 *         }
 *     }
 *
 * The hooks carry PHPUnit 9's annotations and PHPUnit 10's attributes, so either runs them.
 */
trait WorkflowEnvironmentTrait
{
    private static ?WorkflowEnvironment $workflowEnvironment = null;

    protected static function createWorkflowEnvironment(): WorkflowEnvironment
    {
        return WorkflowEnvironment::startLocal();
    }

    /** The environment of this test class. */
    protected static function workflowEnvironment(): WorkflowEnvironment
    {
        return self::$workflowEnvironment ?? throw new \LogicException('the workflow environment runs only between '
            . 'the test class\'s first and last test');
    }

    /** @beforeClass */
    #[\PHPUnit\Framework\Attributes\BeforeClass]
    public static function startWorkflowEnvironment(): void
    {
        self::$workflowEnvironment = static::createWorkflowEnvironment();
    }

    /** @afterClass */
    #[\PHPUnit\Framework\Attributes\AfterClass]
    public static function stopWorkflowEnvironment(): void
    {
        self::$workflowEnvironment?->shutdown();
        self::$workflowEnvironment = null;
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\DataConverter\DefaultFailureConverter;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * ActivityCompletionClient against a Python activity that completes asynchronously (AsyncActivityWorkflow):
 * the activity signals its task token to its workflow and returns without a result.
 */
final class ActivityCompletionTest extends ServerTestCase
{
    public function testCompleteByTaskTokenDeliversTheResultToThePythonWorkflow(): void
    {
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $token = $this->taskToken($handle);

        self::client()->getActivityCompletionClient()->complete($token, ['paid' => true, 'amount' => 12.5]);

        $result = $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        $this->assertSame(['amount' => 12.5, 'paid' => true], $this->sorted($result['result']));
    }

    public function testCompleteByIdsDeliversTheResult(): void
    {
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $this->taskToken($handle);

        self::client()->getActivityCompletionClient()->completeById($handle->getId(), $handle->getRunId(), '1', 'done');

        $this->assertSame(['result' => 'done'], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testFailReachesThePythonWorkflowAsItsApplicationError(): void
    {
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $token = $this->taskToken($handle);

        $failure = ApplicationFailure::create('declined', 'CardError', true);
        self::client()->getActivityCompletionClient()->fail($token, $failure);

        $this->assertSame(
            ['cancelled' => false, 'error' => 'declined', 'type' => 'CardError'],
            $this->sorted($handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S)),
        );
    }

    public function testAFailureWithEncodedCommonAttributesDecodesInPython(): void
    {
        $converter = DataConverter::default()->withFailureConverter(new DefaultFailureConverter(true));
        $client = Client::connect(ConnectionOptions::new(self::address()), $converter);
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $token = $this->taskToken($handle);

        $client->getActivityCompletionClient()->failById($handle->getId(), null, '1', new \DomainException('hidden'));

        $this->assertSame(
            ['cancelled' => false, 'error' => 'hidden', 'type' => 'DomainException'],
            $this->sorted($handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S)),
        );
        $this->assertNotSame('', $token);
    }

    public function testHeartbeatReportsARequestedCancellationWhichIsThenReported(): void
    {
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $token = $this->taskToken($handle);
        $activities = self::client()->getActivityCompletionClient();

        $this->assertFalse($activities->heartbeat($token, 'progress', 1));
        $handle->cancel();
        $deadline = microtime(true) + 60;
        while (!$activities->heartbeatById($handle->getId(), null, '1') && microtime(true) < $deadline) {
            usleep(100_000);
        }
        $activities->reportCancellation($token, 'stopped');

        $result = $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        $this->assertTrue($result['cancelled']);
    }

    public function testCompletingAnActivityTwiceThrowsNotFound(): void
    {
        $handle = self::startWorkflow('AsyncActivityWorkflow');
        $token = $this->taskToken($handle);
        $activities = self::client()->getActivityCompletionClient();
        $activities->complete($token, 1);

        try {
            $activities->complete($token, 2);
            $this->fail('a second complete() succeeded');
        } catch (ServiceException $e) {
            $this->assertSame(ServiceException::NOT_FOUND, $e->getGrpcCode());
        }
        $this->assertSame(['result' => 1], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    /** Waits until the activity has signalled its task token to the workflow. */
    private function taskToken(WorkflowHandle $handle): string
    {
        $deadline = microtime(true) + self::RESULT_TIMEOUT_S;
        while (($token = $handle->query('token')) === '' && microtime(true) < $deadline) {
            usleep(50_000);
        }
        $this->assertNotSame('', $token, 'the activity never sent its task token');
        return base64_decode($token, true);
    }

    private function sorted(array $values): array
    {
        ksort($values);
        return $values;
    }
}

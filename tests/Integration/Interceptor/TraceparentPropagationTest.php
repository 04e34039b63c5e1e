<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Interceptor;

use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Tests\Integration\Interceptor\Fixtures\TraceparentInterceptor;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Integration\Worker\ChildProcess;

/**
 * A traceparent carried client → workflow → activity → child workflow → its activity by one interceptor
 * (Fixtures/TraceparentInterceptor.php, the README's pattern), read back at every step, against a live
 * server; the headers are also in the server's history. A subclass runs it again with every activation
 * replayed (no workflow cache), where the workflow must find its traceparent again each time.
 */
class TraceparentPropagationTest extends ServerTestCase
{
    protected const CACHE_SIZE = 1000;

    private static ChildProcess $worker;
    private static string $queue;

    public static function setUpBeforeClass(): void
    {
        self::$queue = 'php-trace-' . static::CACHE_SIZE . '-' . bin2hex(random_bytes(4));
        $extension = getenv('TEMPORAL_EXT_SO') ?: \dirname(__DIR__, 3) . '/build/ext/modules/temporal.so';
        self::$worker = ChildProcess::start([PHP_BINARY, '-d', "extension=$extension",
            __DIR__ . '/Fixtures/trace-worker.php', self::$queue, (string) static::CACHE_SIZE], 'php-trace-worker');
        self::$worker->waitFor('worker ready');
    }

    public static function tearDownAfterClass(): void
    {
        self::assertSame(0, self::$worker->stop(), self::$worker->output());
    }

    public function testEveryStepFindsTheTraceparentTheClientSent(): void
    {
        $traceparent = '00-' . bin2hex(random_bytes(16)) . '-' . bin2hex(random_bytes(8)) . '-01';
        $client = self::client()->withInterceptors(new TraceparentInterceptor($traceparent));
        $id = self::uniqueId('trace');

        $handle = $client->start('PhpTraceParent', [],
            WorkflowOptions::new()->withTaskQueue(self::$queue)->withWorkflowId($id));

        self::assertSame([
            'workflow' => $traceparent,
            'activity' => ['traceparent' => $traceparent, 'workflow' => 'PhpTraceParent'],
            'child' => [
                'workflow' => $traceparent,
                'activity' => ['traceparent' => $traceparent, 'workflow' => 'PhpTraceChild'],
            ],
        ], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        self::assertSame($traceparent, $this->startHeader($id), 'the child started with it, says the server');
        $other = '00-' . bin2hex(random_bytes(16)) . '-' . bin2hex(random_bytes(8)) . '-01';
        self::assertSame($other, self::client()->withInterceptors(new TraceparentInterceptor($other))
            ->getHandle($id)->query('traceparent'), 'a query carries its own');
    }

    public function testWithoutATraceparentNothingIsInvented(): void
    {
        $handle = self::client()->withInterceptors(new TraceparentInterceptor())->start('PhpTraceParent', [],
            WorkflowOptions::new()->withTaskQueue(self::$queue)->withWorkflowId(self::uniqueId('untraced')));

        self::assertSame([
            'workflow' => null,
            'activity' => ['traceparent' => null, 'workflow' => 'PhpTraceParent'],
            'child' => ['workflow' => null, 'activity' => ['traceparent' => null, 'workflow' => 'PhpTraceChild']],
        ], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    /** The traceparent in the header of the child's start command, as the parent's history records it. */
    private function startHeader(string $parentId): ?string
    {
        foreach (self::client()->getHandle($parentId)->fetchHistory()->getEvents() as $event) {
            if ($event->getEventType() === EventType::EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
                $fields = $event->getStartChildWorkflowExecutionInitiatedEventAttributes()->getHeader()?->getFields() ?? [];
                return Header::fromMessage($fields, self::client()->getDataConverter())
                    ->getValue(TraceparentInterceptor::HEADER, '?string');
            }
        }
        self::fail("no child start in the history of $parentId");
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;
use TrueAsync\Temporal\Exception\WorkflowFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Interop\XorCodec;

/**
 * A PHP client with a payload codec against the Python worker with the same codec ("<Q>-codec"): every payload
 * on the wire is wrapped, and both sides read each other's.
 */
final class CodecTest extends ServerTestCase
{
    private static ?Client $codecClient = null;

    public function testArgumentsResultsSignalsQueriesUpdatesAndMemoTravelWrapped(): void
    {
        $options = WorkflowOptions::new()->withMemo(['secret' => 'memo ü']);
        $echo = $this->start('EchoWorkflow', ['zoë', ['n' => 1]], $options);
        $updates = $this->start('UpdateWorkflow');

        $this->assertSame(['zoë', ['n' => 1]], $echo->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertSame(3, $updates->update('add', 3));
        $updates->signal('finish');
        $this->assertSame(3, $updates->query('total'));
        $this->assertSame(3, $updates->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertSame('memo ü', $echo->describe()->getMemoValue('secret'));
        foreach ($this->startedEventPayloads($echo) as $payload) {
            $this->assertSame(XorCodec::ENCODING, $payload->getMetadata()['encoding']);
        }
    }

    public function testFailureDetailsAreUnwrapped(): void
    {
        try {
            $this->start('FailingWorkflow', ['wrapped'])->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
            $this->fail('result() returned for a failed workflow');
        } catch (WorkflowFailedException $e) {
            $failure = $e->getFailure();
            $this->assertInstanceOf(ApplicationFailure::class, $failure);
            $this->assertSame(['detail-1', 42], $failure->getDetails());
        }
    }

    private function start(string $type, array $args = [], ?WorkflowOptions $options = null): WorkflowHandle
    {
        self::$codecClient ??= Client::connect(
            ConnectionOptions::new(self::address()),
            DataConverter::default()->withCodecs(new XorCodec()),
        );
        $options = ($options ?? WorkflowOptions::new())
            ->withTaskQueue(self::taskQueue() . '-codec')
            ->withWorkflowId(self::uniqueId($type));
        return self::$codecClient->start($type, $args, $options);
    }

    /** The input and memo payloads of the started event, read by the client without the codec. */
    private function startedEventPayloads(WorkflowHandle $handle): array
    {
        $plain = self::client()->getHandle($handle->getId(), $handle->getRunId());
        $started = $plain->fetchHistory()->getEvents()[0]->getWorkflowExecutionStartedEventAttributes();
        $payloads = iterator_to_array($started->getInput()->getPayloads(), false);
        foreach ($started->getMemo()->getFields() as $payload) {
            $payloads[] = $payload;
        }
        $this->assertCount(3, $payloads);
        return $payloads;
    }
}

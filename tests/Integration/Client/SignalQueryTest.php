<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Core;
use TrueAsync\Temporal\Exception\WorkflowQueryFailedException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

final class SignalQueryTest extends ServerTestCase
{
    public function testSignalsChangeTheStateThatQueriesAndTheResultReport(): void
    {
        $handle = self::startWorkflow('SignalQueryWorkflow');

        $this->assertSame(0, $handle->query('total'));
        $handle->signal('add', 5);
        $handle->signal('add', 37);
        $this->assertSame(42, $handle->query('total'));
        $handle->signal('finish');

        $this->assertSame(42, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testQueryOfAnUnknownNameThrowsWorkflowQueryFailedException(): void
    {
        $handle = self::startWorkflow('SignalQueryWorkflow');
        try {
            $handle->query('no-such-query');
            $this->fail('query() returned for an unknown query name');
        } catch (WorkflowQueryFailedException $e) {
            $this->assertStringContainsString('no-such-query', $e->getMessage());
            $this->assertInstanceOf(Core\ServiceException::class, $e->getPrevious());
        } finally {
            $handle->signal('finish');
        }
        $this->assertSame(0, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testGetHandleSignalsAndQueriesTheLatestRunById(): void
    {
        $started = self::startWorkflow('SignalQueryWorkflow');
        $handle = self::client()->getHandle($started->getId());

        $handle->signal('add', 3);
        $this->assertSame(3, $handle->query('total'));
        $handle->signal('finish');

        $this->assertNull($handle->getRunId());
        $this->assertSame(3, $started->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }
}

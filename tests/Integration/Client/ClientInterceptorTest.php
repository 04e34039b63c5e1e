<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Api\Common\V1\Header as HeaderMessage;
use TrueAsync\Temporal\Api\Enums\V1\EventType;
use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Client\UpdateOptions;
use TrueAsync\Temporal\Client\UpdateWaitStage;
use TrueAsync\Temporal\Client\WorkflowHandle;
use TrueAsync\Temporal\Client\WorkflowIdConflictPolicy;
use TrueAsync\Temporal\Client\WorkflowOptions;
use TrueAsync\Temporal\Client\WorkflowUpdateHandle;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\WorkflowNotFoundException;
use TrueAsync\Temporal\Interceptor\Trait\WorkflowClientCallsInterceptorTrait;
use TrueAsync\Temporal\Interceptor\WorkflowClient\SignalInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartUpdateInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\StartWorkflowInput;
use TrueAsync\Temporal\Interceptor\WorkflowClient\UpdateWithStartInput;
use TrueAsync\Temporal\Interceptor\WorkflowClientCallsInterceptor;
use TrueAsync\Temporal\Tests\Integration\Client\Interceptor\CountingInterceptor;
use TrueAsync\Temporal\Tests\Integration\Client\Interceptor\TenantHeaderInterceptor;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;
use TrueAsync\Temporal\Tests\Interop\XorCodec;

/** WorkflowClientCallsInterceptor around the calls of a Client and its handles, against Python workflows. */
final class ClientInterceptorTest extends ServerTestCase
{
    public function testAnInterceptorThatAddsOneToAnUpdatesArgumentMakesTheWorkflowSeeTwoForOne(): void
    {
        $plusOne = new class () implements WorkflowClientCallsInterceptor {
            use WorkflowClientCallsInterceptorTrait;

            public function startUpdate(StartUpdateInput $input, callable $next): WorkflowUpdateHandle
            {
                return $next($input->withArgs([$input->args[0] + 1]));
            }

            public function updateWithStart(UpdateWithStartInput $input, callable $next): WorkflowUpdateHandle
            {
                return $next($input->withUpdateArgs([$input->updateArgs[0] + 1]));
            }
        };
        $client = self::client()->withInterceptors($plusOne);
        $options = self::options('UpdateWorkflow')->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting);

        $completed = UpdateOptions::new('add', UpdateWaitStage::Completed);
        $started = $client->updateWithStart('UpdateWorkflow', [], $options, $completed, [1]);
        $handle = $client->getHandle((string) $options->getWorkflowId());

        $this->assertSame(2, $started->result(), 'update-with-start: the handler got 2 for 1');
        $this->assertSame(4, $handle->update('add', 1), 'update: the handler got 2 for 1, on top of 2');
        $this->assertSame(4, self::client()->getHandle($handle->getId())->query('total'));
        $handle->signal('finish');
        $this->assertSame(4, $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    public function testEveryHookIsCalledOnceByItsOwnOperationAndNoOtherHook(): void
    {
        $counter = new CountingInterceptor();
        $client = self::client()->withInterceptors($counter);

        $options = self::options('UpdateWorkflow');
        $handle = $counter->once('start', fn (): WorkflowHandle => $client->start('UpdateWorkflow', [], $options));
        $counter->once('startUpdate', fn () => $handle->startUpdate(UpdateOptions::new('add')->withUpdateId('u-1'), 1));
        $byId = $handle->getUpdateHandle('u-1'); // knows no outcome: its result() asks the server
        $this->assertSame(1, $counter->once('pollUpdate', fn () => $byId->result('int', self::RESULT_TIMEOUT_S)));
        $this->assertSame(1, $byId->result(), 'the outcome is kept: no second poll, no hook');
        $this->assertSame(3, $counter->once('startUpdate', fn () => $handle->update('add', 2)), 'update() polls not');
        $this->assertSame(3, $counter->once('query', fn () => $handle->query('total')));
        $this->assertSame('UpdateWorkflow', $counter->once('describe', fn () => $handle->describe())->getWorkflowType());
        $this->assertGreaterThan(0, \count($counter->once('fetchHistory', fn () => $handle->fetchHistory())));
        $counter->once('signal', fn () => $handle->signal('finish'));
        $result = $counter->once('getResult', fn () => $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
        $this->assertSame(3, $result);

        $signalled = $counter->once(
            'signalWithStart',
            fn () => $client->signalWithStart('SignalQueryWorkflow', [], self::options('SignalQueryWorkflow'), 'add', [5]),
        );
        $counter->once('terminate', fn () => $signalled->terminate('test done'));
        $updateOptions = self::options('UpdateWorkflow')->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting);
        $updated = $counter->once(
            'updateWithStart',
            fn () => $client->updateWithStart('UpdateWorkflow', [], $updateOptions, 'add', [4]),
        );
        $counter->once('cancel', fn () => $client->getHandle($updated->getExecution()->getWorkflowId())->cancel());
        $query = "WorkflowId = '{$handle->getId()}'";
        $counter->once('listWorkflows', fn (): array => iterator_to_array($client->listWorkflows($query)));
        $counter->once('countWorkflows', fn (): int => $client->countWorkflows($query));

        $counter->assertEveryHookOf(WorkflowClientCallsInterceptor::class);
    }

    public function testTheHeaderAnInterceptorSetsReachesTheStartSignalAndUpdateEventsOfTheHistory(): void
    {
        $client = self::client()->withInterceptors(new TenantHeaderInterceptor('acme'));

        $handle = $client->start('UpdateWorkflow', [], self::options('UpdateWorkflow'));
        $this->assertSame(1, $handle->update('add', 1));
        $this->assertSame(1, $handle->query('total'), 'a query with a header is answered as one without');
        $handle->signal('finish');
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame([
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED => ['hook' => 'start', 'tenant' => 'acme'],
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED => ['hook' => 'startUpdate', 'tenant' => 'acme'],
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED => ['hook' => 'signal', 'tenant' => 'acme'],
        ], self::headersOf($handle));
    }

    public function testTheWithStartCallsCarryTheHeaderToTheStartAndToTheSignalOrUpdate(): void
    {
        $client = self::client()->withInterceptors(new TenantHeaderInterceptor('acme'));
        $options = self::options('UpdateWorkflow')->withIdConflictPolicy(WorkflowIdConflictPolicy::UseExisting);

        $signalled = $client->signalWithStart('SignalQueryWorkflow', [], self::options('SignalQueryWorkflow'), 'finish');
        $signalled->result(timeoutSeconds: self::RESULT_TIMEOUT_S);
        $completed = UpdateOptions::new('add', UpdateWaitStage::Completed);
        $updated = $client->updateWithStart('UpdateWorkflow', [], $options, $completed, [1]);
        $this->assertSame(1, $updated->result());
        $client->getHandle((string) $options->getWorkflowId())->signal('finish');

        $this->assertSame([
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED => ['hook' => 'signalWithStart', 'tenant' => 'acme'],
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED => ['hook' => 'signalWithStart', 'tenant' => 'acme'],
        ], self::headersOf($signalled));
        $headers = self::headersOf(self::client()->getHandle((string) $options->getWorkflowId()));
        $this->assertSame([
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED => ['hook' => 'updateWithStart', 'tenant' => 'acme'],
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED => ['hook' => 'updateWithStart', 'tenant' => 'acme'],
        ], array_intersect_key($headers, [
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED => true,
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED => true,
        ]));
    }

    public function testHeaderValuesGoThroughTheClientsCodec(): void
    {
        $converter = DataConverter::default()->withCodecs(new XorCodec());
        $client = Client::connect(ConnectionOptions::new(self::address()), $converter)
            ->withInterceptors(new TenantHeaderInterceptor('acme'));
        $options = self::options('EchoWorkflow')->withTaskQueue(self::taskQueue() . '-codec');

        $handle = $client->start('EchoWorkflow', ['x'], $options);
        $this->assertSame(['x'], $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S));

        $started = $handle->fetchHistory()->getEvents()[0]->getWorkflowExecutionStartedEventAttributes();
        foreach ($started->getHeader()->getFields() as $payload) {
            $this->assertSame(XorCodec::ENCODING, $payload->getMetadata()['encoding']);
        }
        $this->assertSame(['hook' => 'start', 'tenant' => 'acme'], self::decode($started->getHeader(), $converter));
    }

    public function testWithoutInterceptorsACallCarriesNoHeader(): void
    {
        $handle = self::startWorkflow('SignalQueryWorkflow');
        $handle->signal('finish');
        $handle->result(timeoutSeconds: self::RESULT_TIMEOUT_S);

        $this->assertSame([
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED => [],
            EventType::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED => [],
        ], self::headersOf($handle));
    }

    public function testAnInterceptorThatRefusesACallFailsItWithItsOwnExceptionAndNoCallIsMade(): void
    {
        $refusal = new \DomainException('refused by policy');
        $refuser = new class ($refusal) implements WorkflowClientCallsInterceptor {
            use WorkflowClientCallsInterceptorTrait;

            public function __construct(private \DomainException $refusal)
            {
            }

            public function start(StartWorkflowInput $input, callable $next): WorkflowHandle
            {
                throw $this->refusal;
            }

            public function signal(SignalInput $input, callable $next): void
            {
                throw $this->refusal;
            }
        };
        $client = self::client()->withInterceptors($refuser);
        $options = self::options('SignalQueryWorkflow');
        $running = self::startWorkflow('SignalQueryWorkflow');

        $this->assertSame($refusal, self::thrownBy(fn () => $client->start('SignalQueryWorkflow', [], $options)));
        $this->assertSame($refusal, self::thrownBy(fn () => $client->getHandle($running->getId())->signal('add', 5)));

        $notStarted = self::thrownBy(fn () => self::client()->getHandle((string) $options->getWorkflowId())->describe());
        $this->assertInstanceOf(WorkflowNotFoundException::class, $notStarted, 'the refused start made no call');
        $this->assertSame(0, $running->query('total'), 'the refused signal made no call');
        $running->signal('finish');
        $this->assertSame(0, $running->result(timeoutSeconds: self::RESULT_TIMEOUT_S));
    }

    /**
     * The header of each started, signaled and update-accepted event of the run, decoded by the client's converter.
     *
     * @return array<int, array<string, mixed>> event type => header name => value
     */
    private static function headersOf(WorkflowHandle $handle): array
    {
        $headers = [];
        foreach ($handle->fetchHistory()->getEvents() as $event) {
            $header = match ($event->getEventType()) {
                EventType::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED
                    => $event->getWorkflowExecutionStartedEventAttributes()->getHeader(),
                EventType::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
                    => $event->getWorkflowExecutionSignaledEventAttributes()->getHeader(),
                EventType::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED
                    => $event->getWorkflowExecutionUpdateAcceptedEventAttributes()->getAcceptedRequest()->getInput()->getHeader(),
                default => false,
            };
            if ($header !== false) {
                $headers[$event->getEventType()] = self::decode($header);
            }
        }
        return $headers;
    }

    /** @return array<string, mixed> */
    private static function decode(?HeaderMessage $header, ?DataConverter $converter = null): array
    {
        $converter ??= self::client()->getDataConverter();
        $values = [];
        foreach ($header?->getFields() ?? [] as $name => $payload) {
            $values[$name] = $converter->fromPayload($payload);
        }
        ksort($values); // a map's order on the wire is not defined
        return $values;
    }

    private static function thrownBy(\Closure $call): ?\Throwable
    {
        try {
            $call();
        } catch (\Throwable $e) {
            return $e;
        }
        return null;
    }

    private static function options(string $workflowType): WorkflowOptions
    {
        return WorkflowOptions::new()->withTaskQueue(self::taskQueue())->withWorkflowId(self::uniqueId($workflowType));
    }
}

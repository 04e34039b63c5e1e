<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Client;

use TrueAsync\Temporal\Api\Operatorservice\V1\ListSearchAttributesRequest;
use TrueAsync\Temporal\Api\Operatorservice\V1\ListSearchAttributesResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeNamespaceRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\DescribeNamespaceResponse;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetSystemInfoRequest;
use TrueAsync\Temporal\Api\Workflowservice\V1\GetSystemInfoResponse;
use TrueAsync\Temporal\Exception\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/** Client::rawCall(): any unary RPC of the three services, with the client's error mapping. */
final class RawCallTest extends ServerTestCase
{
    public function testCallsRpcsOfTheWorkflowAndOperatorServices(): void
    {
        $info = self::client()->rawCall('WorkflowService', 'GetSystemInfo', new GetSystemInfoRequest(),
            GetSystemInfoResponse::class);
        self::assertNotSame('', $info->getServerVersion());
        $attributes = self::client()->rawCall('OperatorService', 'ListSearchAttributes',
            new ListSearchAttributesRequest(['namespace' => self::client()->getNamespace()]), ListSearchAttributesResponse::class);
        self::assertArrayHasKey('WorkflowType', iterator_to_array($attributes->getSystemAttributes()));
    }

    public function testAServerErrorIsAServiceExceptionWithItsStatus(): void
    {
        try {
            self::client()->rawCall('WorkflowService', 'DescribeNamespace',
                new DescribeNamespaceRequest(['namespace' => 'no-such-namespace-' . bin2hex(random_bytes(4))]),
                DescribeNamespaceResponse::class);
            self::fail('no error');
        } catch (ServiceException $e) {
            self::assertSame(ServiceException::NOT_FOUND, $e->getCode());
        }
    }

    public function testAnUnknownServiceOrMethodIsAValueError(): void
    {
        foreach ([['NoService', 'GetSystemInfo'], ['WorkflowService', 'NoSuchMethod']] as [$service, $method]) {
            try {
                self::client()->rawCall($service, $method, new GetSystemInfoRequest(), GetSystemInfoResponse::class);
                self::fail("no error for $service.$method");
            } catch (\ValueError $e) {
                self::assertStringContainsString($service === 'NoService' ? $service : $method, $e->getMessage());
            }
        }
    }
}

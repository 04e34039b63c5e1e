<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Core;

use Google\Protobuf\Internal\Message;
use TrueAsync\Temporal\Client\ConnectionOptions;
use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\ServiceException;
use TrueAsync\Temporal\Tests\Integration\ServerTestCase;

/**
 * Every unary rpc listed in gen/rpc-methods.json reaches the server through Core\Connection::rpcCall(): an
 * empty request gets a response or a gRPC status from the server, never "unknown method".
 */
final class EveryRpcTest extends ServerTestCase
{
    private const METHODS_FILE = __DIR__ . '/../../../gen/rpc-methods.json';
    private const TIMEOUT_MS = 5000;

    private static ?Connection $connection = null;

    /** @return iterable<string, array{string, string, string}> service, method, response class */
    public static function unaryMethods(): iterable
    {
        $services = json_decode((string) file_get_contents(self::METHODS_FILE), true, 512, JSON_THROW_ON_ERROR);
        $cases = [];
        foreach ($services as $service => $methods) {
            foreach ($methods as $method) {
                if (!$method['client_streaming'] && !$method['server_streaming']) {
                    $cases["$service.{$method['method']}"] = [$service, $method['method'], $method['response_class']];
                }
            }
        }
        return $cases;
    }

    public function testTheMethodListCoversTheFourServices(): void
    {
        $services = array_unique(array_column(self::unaryMethods(), 0));
        sort($services);
        // TestService is the time-skipping test server's: the dev server answers it with UNIMPLEMENTED.
        $this->assertSame(['HealthService', 'OperatorService', 'TestService', 'WorkflowService'], $services);
        $this->assertGreaterThan(100, \count(self::unaryMethods()));
    }

    /**
     * @dataProvider unaryMethods
     * @param class-string<Message> $responseClass
     */
    public function testAnEmptyRequestGetsAResponseOrAServerStatus(
        string $service,
        string $method,
        string $responseClass,
    ): void {
        try {
            $bytes = self::connection()->rpcCall($service, $method, '', self::TIMEOUT_MS);
        } catch (ServiceException $e) {
            $this->assertGreaterThanOrEqual(1, $e->getCode(), "$method: a gRPC error status is never OK (0)");
            $this->assertLessThanOrEqual(16, $e->getCode(), "$method: not a gRPC status code");
            return;
        }
        $response = new $responseClass();
        $response->mergeFromString($bytes);
        $this->assertSame(\strlen($bytes), \strlen($response->serializeToString()), "$method: response re-encodes");
    }

    private static function connection(): Connection
    {
        return self::$connection ??= Connection::connect(ConnectionOptions::new(self::address())->toJson());
    }
}

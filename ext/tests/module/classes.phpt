--TEST--
The classes have exactly the API of docs/DESIGN.md
--FILE--
<?php
function describeType(?ReflectionType $type): string
{
    return $type === null ? '' : (string) $type;
}

function describeClass(string $name): void
{
    $class = new ReflectionClass($name);
    $flags = implode(' ', array_filter([$class->isFinal() ? 'final' : '', 'class']));
    $parent = $class->getParentClass();
    echo $flags, ' ', $class->getShortName(), $parent ? ' extends ' . $parent->getName() : '', "\n";
    foreach ($class->getMethods() as $method) {
        if ($method->getDeclaringClass()->getName() !== $name) {
            continue;
        }
        $params = array_map(function (ReflectionParameter $p): string {
            $default = $p->isOptional() ? ' = ' . json_encode($p->getDefaultValue()) : '';
            return describeType($p->getType()) . ' $' . $p->getName() . $default;
        }, $method->getParameters());
        $modifiers = implode(' ', Reflection::getModifierNames($method->getModifiers()));
        $return = $method->hasReturnType() ? ': ' . describeType($method->getReturnType()) : '';
        echo "  $modifiers {$method->getName()}(", implode(', ', $params), ")$return\n";
    }
}

foreach (['TemporalException', 'ConnectionException', 'ServiceException', 'CancelledException',
          'NonDeterministicCallException', 'DeadlockException', 'CancellationToken', 'PendingOperation',
          'CompletionQueue', 'Connection', 'Worker', 'Replayer', 'DeterminismGuard'] as $short) {
    describeClass('TrueAsync\\Temporal\\Core\\' . $short);
}
?>
--EXPECT--
class TemporalException extends Exception
final class ConnectionException extends TrueAsync\Temporal\Core\TemporalException
final class ServiceException extends TrueAsync\Temporal\Core\TemporalException
  public getGrpcMessage(): string
  public getDetails(): string
final class CancelledException extends TrueAsync\Temporal\Core\TemporalException
final class NonDeterministicCallException extends TrueAsync\Temporal\Core\TemporalException
final class DeadlockException extends TrueAsync\Temporal\Core\TemporalException
  public getWorkflowStack(): string
final class CancellationToken
  public cancel(): void
  public isCancelled(): bool
final class PendingOperation
  private __construct()
  public getId(): int
  public isDone(): bool
  public wait(?int $timeoutMs = null): bool
  public getResult(): mixed
final class CompletionQueue
  private __construct()
  public static wait(int $timeoutMs): array
  public static readinessFd(): int
  public static pendingCount(): int
final class Connection
  private __construct()
  public static connect(string $optionsJson, ?TrueAsync\Temporal\Core\CancellationToken $cancel = null): TrueAsync\Temporal\Core\Connection
  public static startConnect(string $optionsJson, ?TrueAsync\Temporal\Core\CancellationToken $cancel = null): TrueAsync\Temporal\Core\PendingOperation
  public rpcCall(string $service, string $method, string $request, int $timeoutMs = 0, array $metadata = [], ?TrueAsync\Temporal\Core\CancellationToken $cancel = null, bool $retry = false): string
  public startRpcCall(string $service, string $method, string $request, int $timeoutMs = 0, array $metadata = [], ?TrueAsync\Temporal\Core\CancellationToken $cancel = null, bool $retry = false): TrueAsync\Temporal\Core\PendingOperation
final class Worker
  public __construct(TrueAsync\Temporal\Core\Connection $connection, string $optionsJson)
  public validate(): void
  public startValidate(): TrueAsync\Temporal\Core\PendingOperation
  public startPollWorkflowActivation(): TrueAsync\Temporal\Core\PendingOperation
  public startCompleteWorkflowActivation(string $completion): TrueAsync\Temporal\Core\PendingOperation
  public startPollActivityTask(): TrueAsync\Temporal\Core\PendingOperation
  public startCompleteActivityTask(string $completion): TrueAsync\Temporal\Core\PendingOperation
  public recordActivityHeartbeat(string $heartbeat): void
  public startAutoHeartbeat(string $heartbeat, int $intervalMs, int $stopAfterMs): void
  public requestWorkflowEviction(string $runId): void
  public initiateShutdown(): void
  public finalizeShutdown(): void
  public startFinalizeShutdown(): TrueAsync\Temporal\Core\PendingOperation
final class Replayer
  public __construct(string $optionsJson)
  public getWorker(): TrueAsync\Temporal\Core\Worker
  public startPushHistory(string $workflowId, string $historyBytes): TrueAsync\Temporal\Core\PendingOperation
  public pushHistory(string $workflowId, string $historyBytes): void
  public close(): void
final class DeterminismGuard
  private __construct()
  public static run(callable $code): mixed
  public static isDeadlocked(): bool
  public static setDeadlockBudgetMs(int $budgetMs): void
  public static getDeadlockBudgetMs(): int

--TEST--
Stress: 10,000 operations (2,000 under valgrind) with random cancels, freed operations and connections, and abandoned waits
--DESCRIPTION--
Every kept operation must end exactly once, with a response or CancelledException; everything dropped must be
drained without a trace (the memcheck and ASan runs check the "without a trace" part). Seeded, so reproducible.
Under valgrind 2,000 operations still free a connection 4 times and cancel 6 long polls mid-flight, with the
same 400 in flight, in a fifth of the time.
--SKIPIF--
<?php require __DIR__ . '/../fixtures/skipif_no_server.php'; ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/server.php';
require __DIR__ . '/../fixtures/valgrind.php';

use TrueAsync\Temporal\Core\CancellationToken;
use TrueAsync\Temporal\Core\CancelledException;
use TrueAsync\Temporal\Core\CompletionQueue;
use TrueAsync\Temporal\Core\Connection;
use TrueAsync\Temporal\Core\PendingOperation;
use TrueAsync\Temporal\Core\ServiceException;

define('OPERATIONS', underValgrind() ? 2000 : 10000);
const IN_FLIGHT = 400;
// An explicit deadline: without one the core gives each call 30 s (a long poll 70 s), which a slow or loaded
// machine can exceed with 400 calls in flight. 5 minutes only catches an operation that never ends.
const RPC_TIMEOUT_MS = 300000;
mt_srand(20240601);

$connections = [connectToServer(), connectToServer(), connectToServer()];
$kept = [];          // id => PendingOperation still expected to report
$tokens = [];        // tokens of long polls, all cancelled by the end
$outcomes = ['response' => 0, 'cancelled' => 0, 'unexpected' => 0];
$polls = [];         // ids of the long polls: the server may end one itself
const GRPC_CANCELLED = 1;
$reportedTwice = 0;
$seen = [];

function settle(array $ready, array &$kept, array &$outcomes, array &$seen, int &$reportedTwice): void
{
    foreach ($ready as $operation) {
        $id = $operation->getId();
        if (isset($seen[$id])) {
            $reportedTwice++;
        }
        $seen[$id] = true;
        unset($kept[$id]);
        try {
            $outcomes[is_string($operation->getResult()) ? 'response' : 'unexpected']++;
        } catch (CancelledException) {
            $outcomes['cancelled']++;
        } catch (ServiceException $e) {
            // A loaded dev server sometimes ends a long poll with CANCELLED ("context canceled"): a completion
            // like any other. Any other status, or on any other call, is a defect here.
            $endedByServer = isset($GLOBALS['polls'][$id]) && $e->getCode() === GRPC_CANCELLED;
            $outcomes[$endedByServer ? 'cancelled' : 'unexpected']++;
            if (!$endedByServer) {
                echo 'unexpected: ', get_class($e), ' ', $e->getCode(), ': ', $e->getMessage(), "\n";
            }
        } catch (Throwable $e) {
            $outcomes['unexpected']++;
            echo 'unexpected: ', get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}

// The bulk is HealthService.Check: the dev server rate-limits WorkflowService calls (RESOURCE_EXHAUSTED).
function start(Connection $connection, array &$tokens): PendingOperation
{
    if (mt_rand(0, 19) === 0) {
        $token = $tokens[] = new CancellationToken();
        $poll = $connection->startRpcCall('WorkflowService', 'PollActivityTaskQueue',
            pollActivityRequest('stress-' . mt_rand(0, 9)), RPC_TIMEOUT_MS, [], $token);
        $GLOBALS['polls'][$poll->getId()] = true;
        return $poll;
    }
    $token = mt_rand(0, 9) === 0 ? new CancellationToken() : null;
    $operation = $connection->startRpcCall('HealthService', 'Check', '', RPC_TIMEOUT_MS, [], $token);
    if ($token !== null && mt_rand(0, 1) === 0) {
        $token->cancel();
    }
    return $operation;
}

for ($i = 1; $i <= OPERATIONS; $i++) {
    $operation = start($connections[mt_rand(0, count($connections) - 1)], $tokens);
    switch (mt_rand(0, 9)) {
        case 0: // abandoned at once
            break;
        case 1: // its wait abandoned, then the operation too
            $operation->wait(0);
            break;
        default:
            $kept[$operation->getId()] = $operation;
    }
    unset($operation);
    if ($i % 500 === 0) { // a connection freed with operations in flight
        $connections[mt_rand(0, count($connections) - 1)] = connectToServer();
    }
    if ($i % 300 === 0 && $tokens !== []) { // some long polls cancelled mid-flight
        array_shift($tokens)->cancel();
    }
    if (count($kept) >= IN_FLIGHT) {
        settle(CompletionQueue::wait(1000), $kept, $outcomes, $seen, $reportedTwice);
    }
}
foreach ($tokens as $token) {
    $token->cancel();
}
$deadline = hrtime(true) + RPC_TIMEOUT_MS * 1e6;
while ((CompletionQueue::pendingCount() > 0 || $kept !== []) && hrtime(true) < $deadline) {
    settle(CompletionQueue::wait(1000), $kept, $outcomes, $seen, $reportedTwice);
}
settle(CompletionQueue::wait(0), $kept, $outcomes, $seen, $reportedTwice);

echo "kept operations still waiting: ", count($kept), "\n";
echo "pending: ", CompletionQueue::pendingCount(), "\n";
echo "reported twice: $reportedTwice\n";
echo "unexpected outcomes: {$outcomes['unexpected']}\n";
echo "responses and cancellations: ", $outcomes['response'] > 0 && $outcomes['cancelled'] > 0 ? 'both' : 'missing', "\n";
echo "every kept operation reported: ", $outcomes['response'] + $outcomes['cancelled'] === count($seen) ? 'yes' : 'no', "\n";
?>
--EXPECT--
kept operations still waiting: 0
pending: 0
reported twice: 0
unexpected outcomes: 0
responses and cancellations: both
every kept operation reported: yes

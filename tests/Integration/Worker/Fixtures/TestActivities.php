<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker\Fixtures;

use TrueAsync\Temporal\Activity;
use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;
use TrueAsync\Temporal\Exception\Failure\ApplicationFailure;

#[ActivityInterface(prefix: 'php.')]
final class TestActivities
{
    /** The pid of the process that ran the bootstrap (pool-bootstrap-a.php) */
    public static ?int $bootstrapPid = null;

    public function greet(string $name): string
    {
        return "Hello, $name!";
    }

    /** @param list<int> $numbers */
    public function describeArguments(int $count, array $numbers, ?string $label, Colour $colour): array
    {
        return [get_debug_type($count), array_sum($numbers), $label, $colour->name];
    }

    #[ActivityMethod(name: 'failNonRetryable')]
    public function fail(string $message): never
    {
        throw ApplicationFailure::create($message, 'MyActivityError', nonRetryable: true, details: ['d1', 7]);
    }

    public function uncaught(): never
    {
        throw new \DomainException('plain PHP exception');
    }

    /** Its details have no JSON form: the failure cannot be encoded as thrown. */
    public function failWithUnencodableDetails(): never
    {
        throw ApplicationFailure::create('secret', 'MyActivityError', nonRetryable: true, details: [fn () => 1]);
    }

    public function succeedOnThirdAttempt(): string
    {
        $attempt = Activity::getInfo()->attempt;
        if ($attempt < 3) {
            throw new \RuntimeException("attempt $attempt fails");
        }
        return "succeeded on attempt $attempt";
    }

    /** First attempt records a heartbeat and fails; the second returns what the first recorded. */
    public function heartbeatDetailsSurviveRetry(): string
    {
        if (Activity::getInfo()->attempt === 1) {
            Activity::heartbeat('progress-42');
            throw new \RuntimeException('first attempt fails after a heartbeat');
        }
        return 'resumed from ' . Activity::getHeartbeatDetails('string');
    }

    /** Heartbeats until cancelled; the cancellation surfaces at a heartbeat. */
    public function heartbeatUntilCancelled(): string
    {
        $deadline = microtime(true) + 20;
        while (microtime(true) < $deadline) {
            Activity::heartbeat();
            usleep(20_000);
        }
        return 'never cancelled';
    }

    /** Stops heartbeating (blocks) longer than the heartbeat timeout. */
    public function stopHeartbeating(): string
    {
        Activity::heartbeat();
        usleep(2_500_000);
        return 'too late';
    }

    /** Hands its task token to the test (through $file) and leaves the activity open. */
    public function completeLater(string $file): string
    {
        Activity::doNotCompleteOnReturn();
        file_put_contents($file, base64_encode(Activity::getInfo()->taskToken));
        return 'this return value is ignored';
    }

    /** Blocks the whole worker process (a synchronous call on stock PHP); creates $startedFile first. */
    public function block(int $seconds, string $startedFile = ''): string
    {
        $startedFile === '' || touch($startedFile);
        sleep($seconds);
        return 'unblocked';
    }

    /** Runs long enough for a shutdown to arrive while it is in flight; creates $startedFile first. */
    public function slow(float $seconds, string $startedFile = ''): string
    {
        $startedFile === '' || touch($startedFile);
        $deadline = microtime(true) + $seconds;
        while (microtime(true) < $deadline) {
            usleep(50_000);
            Activity::heartbeat();
        }
        return 'finished';
    }

    /**
     * Waits briefly for the worker's shutdown notice (none comes yet), creates $startedFile, then waits for
     * the notice up to 60 s: what it saw.
     */
    public function awaitShutdown(string $startedFile): array
    {
        $early = Activity::awaitWorkerShutdown(0.05);
        touch($startedFile);
        $noticed = Activity::awaitWorkerShutdown(60);
        return ['early' => $early, 'noticed' => $noticed, 'shutting_down' => Activity::isWorkerShuttingDown(),
            'cancelled' => \TrueAsync\Temporal\Activity\ActivityContext::current()->isCancelRequested()];
    }

    /** Which process runs it, and what that process has open and its process group (the pool's checks). */
    public function describeProcess(): array
    {
        $descriptors = [];
        foreach (scandir('/proc/self/fd') ?: [] as $fd) {
            if (ctype_digit($fd)) {
                $descriptors[(int) $fd] = (string) @readlink("/proc/self/fd/$fd");
            }
        }
        ksort($descriptors);
        return ['pid' => getmypid(), 'ppid' => posix_getppid(), 'pgid' => posix_getpgid(0),
            'descriptors' => $descriptors, 'bootstrap_pid' => self::$bootstrapPid];
    }

    /** Ends its process the way a fatal error or a stray exit() in library code does. */
    public function exitProcess(int $status): never
    {
        exit($status);
    }

    /** Crashes its process. */
    public function crashProcess(): string
    {
        posix_kill(getmypid(), SIGSEGV);
        sleep(10);
        return 'not crashed';
    }

    /** Heartbeats once, then blocks without heartbeating (a synchronous call that hangs). */
    public function heartbeatThenBlock(int $seconds, string $startedFile): string
    {
        Activity::heartbeat();
        touch($startedFile);
        sleep($seconds);
        return 'unblocked';
    }

    /** Waits (up to 60 s) until $parties activities have entered it: they run at the same time, or it says not. */
    public function barrier(string $dir, int $parties): string
    {
        touch("$dir/" . getmypid() . '-' . Activity::getInfo()->activityId);
        $deadline = microtime(true) + 60;
        while (\count(glob("$dir/*") ?: []) < $parties) {
            if (microtime(true) > $deadline) {
                return 'only ' . \count(glob("$dir/*") ?: []) . " of $parties ran at once";
            }
            usleep(20_000);
        }
        return 'met';
    }

    /** Its first attempt blocks $seconds without heartbeating; the others return at once. Says which attempt returned. */
    public function blockOnFirstAttempt(int $seconds, string $startedFile): string
    {
        $info = Activity::getInfo();
        if ($info->attempt === 1) {
            touch($startedFile);
            sleep($seconds);
        }
        return "attempt {$info->attempt} returned";
    }
}

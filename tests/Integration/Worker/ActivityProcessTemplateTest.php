<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Integration\Worker;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Exception\ActivityProcessException;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\ActivityProcessTemplate;

/**
 * The worker's wait for its pool's template process, which it does without suspending: bounded, and a
 * template that never answers, or dies first, is an ActivityProcessException, never a hang. Real processes,
 * no server.
 */
final class ActivityProcessTemplateTest extends TestCase
{
    public function testATemplateThatNeverAnswersIsKilledAfterTheTimeout(): void
    {
        $pidFile = tempnam(sys_get_temp_dir(), 'template-pid-');
        try {
            // Writes its pid, then hangs with its control socket open: a bootstrap stuck forever.
            ActivityProcessTemplate::start([PHP_BINARY, '-r', "file_put_contents('$pidFile', getmypid()); sleep(600);"], 1);
            self::fail('a template that never answered was accepted');
        } catch (ActivityProcessException $e) {
            self::assertSame('the activity process template did not answer within 1 s', $e->getMessage());
        }
        // start() waited for the killed process to exit; on a box slow enough that the template had not even
        // written its pid within the second, it was killed before that and never will.
        $pid = (int) file_get_contents($pidFile);
        unlink($pidFile);
        self::assertFalse($pid > 0 && file_exists("/proc/$pid"), "the hung template $pid was killed and reaped");
    }

    public function testATemplateThatExitsBeforeItIsReadySaysSo(): void
    {
        $this->expectException(ActivityProcessException::class);
        $this->expectExceptionMessage('the activity process template exited: see its output');

        ActivityProcessTemplate::start([PHP_BINARY, '-r', 'exit(3);'], 60);
    }
}

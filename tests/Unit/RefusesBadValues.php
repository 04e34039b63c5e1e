<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit;

/** For option tests: each bad value raises a \ValueError whose message contains the case's key. */
trait RefusesBadValues
{
    /** @param array<string, \Closure(): mixed> $cases expected message part => the call that must refuse */
    private static function assertEachRefused(array $cases): void
    {
        foreach ($cases as $message => $make) {
            try {
                $make();
                self::fail("no error for: $message");
            } catch (\ValueError $e) {
                self::assertStringContainsString($message, $e->getMessage());
            }
        }
    }
}

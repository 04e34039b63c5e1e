<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\Worker\Internal\ProcessPool;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\Worker\Internal\ProcessPool\Frame;

final class FrameTest extends TestCase
{
    public function testFramesComeOutWholeWhateverTheChunksTheyArriveIn(): void
    {
        $bytes = Frame::encode(Frame::START, str_repeat("\0\xff", 70_000)) . Frame::encode(Frame::READY)
            . Frame::encode(Frame::CANCEL, '2');
        $buffer = '';
        $frames = [];
        foreach (str_split($bytes, 4093) as $chunk) {
            $buffer .= $chunk;
            array_push($frames, ...Frame::decode($buffer));
        }
        self::assertSame('', $buffer);
        self::assertSame([[Frame::START, str_repeat("\0\xff", 70_000)], [Frame::READY, ''], [Frame::CANCEL, '2']], $frames);
    }

    public function testAnIncompleteFrameStaysInTheBuffer(): void
    {
        $buffer = substr(Frame::encode(Frame::DONE, 'result bytes'), 0, 9);
        self::assertSame([], Frame::decode($buffer));
        self::assertSame(9, \strlen($buffer));
    }
}

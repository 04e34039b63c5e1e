<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Interop;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\DataConverter\DataConverter;

/**
 * Payloads written by the Python SDK decode in PHP to the expected values and re-encode byte-identically, and
 * the other way round (tests/Interop/python/payload_vectors.py).
 */
final class PayloadVectorsTest extends TestCase
{
    private string $file;

    protected function setUp(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'payload-vectors-');
    }

    protected function tearDown(): void
    {
        @unlink($this->file);
    }

    public function testPhpDecodesAndReEncodesEveryPythonVectorByteIdentically(): void
    {
        $this->runPython('write');
        $payloads = PayloadVectors::read($this->file);

        foreach (PayloadVectors::cases() as $name => [$expected, $type, $encode]) {
            $this->assertArrayHasKey($name, $payloads);
            $converter = $name === 'codec' ? PayloadVectors::withCodec() : DataConverter::default();
            $value = $converter->fromPayload($payloads[$name], $type);
            if (\is_object($expected)) {
                $this->assertEquals($expected, $value, $name);
            } else {
                $this->assertSame($expected, $value, $name);
            }
            $this->assertSame(
                PayloadVectors::payloadToJson($payloads[$name]),
                PayloadVectors::payloadToJson($encode($value)),
                "$name re-encoded",
            );
        }
    }

    public function testPythonDecodesAndReEncodesEveryPhpVectorByteIdentically(): void
    {
        $payloads = [];
        foreach (PayloadVectors::cases() as $name => [$value, , $encode]) {
            $payloads[$name] = $encode($value);
        }
        PayloadVectors::write($this->file, $payloads);

        $output = $this->runPython('check');

        foreach (array_keys(PayloadVectors::cases()) as $name) {
            $this->assertStringContainsString("ok $name\n", $output);
        }
    }

    private function runPython(string $mode): string
    {
        $command = [getenv('PYTHON') ?: 'python3', PayloadVectors::SCRIPT, $mode, $this->file];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $this->assertIsResource($process);
        $output = stream_get_contents($pipes[1]);
        $errors = stream_get_contents($pipes[2]);
        $code = proc_close($process);
        $this->assertSame(0, $code, "payload_vectors.py $mode failed:\n$output\n$errors");
        return (string) $output;
    }
}

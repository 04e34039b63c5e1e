<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Tests\Unit\DataConverter;

use PHPUnit\Framework\TestCase;
use TrueAsync\Temporal\DataConverter\DataConverter;
use TrueAsync\Temporal\Exception\DataConverterException;

/** The JSON converter refuses what json_encode() would write as an empty {} although it holds something. */
final class UnrepresentableValuesTest extends TestCase
{
    /** @dataProvider unrepresentable */
    public function testAValueJsonWouldLoseIsRefusedNamingTheArgumentAndWhatIsLost(mixed $value, string $lost): void
    {
        try {
            DataConverter::default()->toPayloads(['fine', $value]);
            $this->fail('encoded without complaint');
        } catch (DataConverterException $e) {
            $this->assertStringStartsWith('Argument #2: Cannot encode a value of type ' . get_debug_type($value) . ' as json/plain', $e->getMessage());
            $this->assertStringContainsString("$lost has no JSON form", $e->getMessage());
            $this->assertInstanceOf(DataConverterException::class, $e->getPrevious());
        }
    }

    public static function unrepresentable(): array
    {
        $generator = (fn () => yield 1)();
        return [
            'a closure' => [fn () => 1, 'the Closure'],
            'a generator' => [$generator, 'the Generator'],
            'an exception' => [new \RuntimeException('x'), 'the RuntimeException'],
            'private properties only' => [new OnlyPrivateState(), 'the ' . OnlyPrivateState::class],
            'internal state only' => [new \SplObjectStorage(), 'the SplObjectStorage'],
            'a closure in a list' => [['a' => [1, fn () => 2]], 'the Closure at ["a"][1]'],
            'a closure in a property' => [new PublicBox(fn () => 3), 'the Closure at ->value'],
            'a closure from jsonSerialize()' => [new SerializesTo(['cb' => fn () => 4]), 'the Closure at ["cb"]'],
        ];
    }

    /** @dataProvider representable */
    public function testEmptyObjectsThatHoldNothingStillEncode(mixed $value, string $json): void
    {
        $this->assertSame($json, DataConverter::default()->toPayload($value)->getData());
    }

    public static function representable(): array
    {
        return [
            'an empty stdClass' => [new \stdClass(), '{}'],
            'an object of a class without properties' => [new NoProperties(), '{}'],
            'the string "{}"' => [['k' => '{}'], '{"k":"{}"}'],
            'an empty array' => [[], '[]'],
            'public properties' => [new PublicBox(1), '{"value":1}'],
            'a date' => [new \DateTimeImmutable('@0'), '{"date":"1970-01-01 00:00:00.000000","timezone_type":1,"timezone":"+00:00"}'],
        ];
    }

    public function testAResultIsNamedAsAResult(): void
    {
        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('Result: Cannot encode a value of type Closure as json/plain');
        DataConverter::default()->toPayloads([fn () => 1], 'result');
    }

    public function testAResourceIsStillRefusedThroughTheSamePath(): void
    {
        $this->expectException(DataConverterException::class);
        $this->expectExceptionMessage('Argument #1: Cannot encode a value of type resource (stream) as json/plain');
        DataConverter::default()->toPayloads([fopen('php://memory', 'r')]);
    }
}

final class OnlyPrivateState
{
    private int $secret = 42;
}

final class NoProperties
{
}

final class PublicBox
{
    public function __construct(public mixed $value)
    {
    }
}

final class SerializesTo implements \JsonSerializable
{
    public function __construct(private mixed $value)
    {
    }

    public function jsonSerialize(): mixed
    {
        return $this->value;
    }
}

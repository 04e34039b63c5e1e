<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\DataConverter;

use TrueAsync\Temporal\Api\Common\V1\Payloads;

/** The raw arguments a dynamic activity, workflow or handler receives, decoded on request. */
final class EncodedArguments implements \Countable
{
    /** @internal */
    public function __construct(private readonly ?Payloads $payloads, private readonly DataConverter $converter)
    {
    }

    public function count(): int
    {
        return $this->payloads === null ? 0 : \count($this->payloads->getPayloads());
    }

    /** The argument at $index decoded as $type (natural type when null); null past the end. */
    public function getValue(int $index, ?string $type = null): mixed
    {
        $types = array_fill(0, max($index + 1, 1), null);
        $types[$index] = $type;
        return $this->converter->fromPayloads($this->payloads, $types)[$index] ?? null;
    }

    /** @return list<mixed> every argument in its natural type */
    public function getValues(): array
    {
        return $this->converter->fromPayloads($this->payloads);
    }
}

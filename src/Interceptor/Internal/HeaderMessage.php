<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Internal;

use TrueAsync\Temporal\Api\Common\V1\Header as HeaderProto;
use TrueAsync\Temporal\Interceptor\Header;

/**
 * A header as the proto message of a request's `header` field.
 *
 * @internal
 */
final class HeaderMessage
{
    /** Null for an empty header: a call no interceptor gave a header sends the same bytes as without interceptors. */
    public static function of(Header $header): ?HeaderProto
    {
        return \count($header) === 0 ? null : new HeaderProto(['fields' => $header->toMessage()]);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

use TrueAsync\Temporal\Client\Client;
use TrueAsync\Temporal\Core\Connection;

/**
 * The bridge connection a Client holds, for the Worker that polls on it. Read from the Client's private
 * state so that the connection is no part of the Client's public API.
 *
 * @internal
 */
final class ClientConnection
{
    public static function of(Client $client): Connection
    {
        return (fn (): Connection => $this->service->getConnection())->call($client);
    }
}

<?php

declare(strict_types=1);

namespace TrueAsync\Temporal;

/** The SDK's name and version, as the client reports them to the server. */
final class Version
{
    public const SDK_NAME = 'trueasync-temporal-php';
    public const SDK_VERSION = '0.1.0';

    private function __construct()
    {
    }
}

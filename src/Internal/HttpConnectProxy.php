<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Internal;

/**
 * The HTTP CONNECT proxy of ConnectionOptions::withHttpConnectProxy(), checked where it enters the SDK so a
 * mistake names the option instead of failing the connect later. The core does the proxying; this only
 * carries its "http_connect_proxy" option. No message, dump or trace shows the password.
 *
 * @internal
 */
final class HttpConnectProxy
{
    private const OPTION = 'ConnectionOptions::withHttpConnectProxy()';
    // A host name or IPv4 address, or an IPv6 address in brackets; then a port.
    private const HOST_PORT = '/\A(?:\[[0-9A-Fa-f:.]+\]|[^\s:\/\[\]@?#]+):([0-9]{1,5})\z/';

    private function __construct(
        public readonly string $address,
        private readonly ?string $user,
        #[\SensitiveParameter] private readonly ?string $password,
    ) {
    }

    /**
     * @return ?self null when $address is null (connect directly)
     * @throws \ValueError see ConnectionOptions::withHttpConnectProxy()
     */
    public static function of(?string $address, ?string $user, #[\SensitiveParameter] ?string $password): ?self
    {
        if ($address === null) {
            if ($user !== null || $password !== null) {
                throw new \ValueError(self::OPTION . ': basic auth credentials need a proxy address');
            }
            return null;
        }
        return new self(self::checkAddress($address), ...self::checkCredentials($user, $password));
    }

    /**
     * The "http_connect_proxy" object of the connect options document.
     *
     * @return array{address: string, basic_auth_user: ?string, basic_auth_password: ?string}
     */
    public function toArray(): array
    {
        return ['address' => $this->address, 'basic_auth_user' => $this->user, 'basic_auth_password' => $this->password];
    }

    /** @return array<string, ?string> what var_dump() and print_r() show: never the password */
    public function __debugInfo(): array
    {
        return ['address' => $this->address, 'user' => $this->user, 'password' => $this->password === null ? null : '***'];
    }

    private static function checkAddress(string $address): string
    {
        $address = trim($address);
        if ($address === '') {
            throw new \ValueError(self::OPTION . ': the proxy address must not be empty');
        }
        Utf8::check($address, self::OPTION . ': the proxy address');
        if (str_contains($address, '://')) {
            throw new \ValueError(self::OPTION . ": the proxy address \"$address\" must be host:port, without a scheme");
        }
        if (preg_match(self::HOST_PORT, $address, $match) !== 1 || (int) $match[1] < 1 || (int) $match[1] > 65535) {
            throw new \ValueError(self::OPTION . ": the proxy address \"$address\" is not host:port "
                . '(a port from 1 to 65535; an IPv6 address in brackets)');
        }
        return $address;
    }

    /** @return array{?string, ?string} */
    private static function checkCredentials(?string $user, #[\SensitiveParameter] ?string $password): array
    {
        if ($user === null && $password === null) {
            return [null, null];
        }
        if ($user === null || $password === null) {
            throw new \ValueError(self::OPTION . ': basic auth needs both a user and a password');
        }
        if ($user === '') {
            throw new \ValueError(self::OPTION . ': the basic auth user must not be empty');
        }
        Utf8::check($user, self::OPTION . ': the basic auth user');
        if (str_contains($user, ':')) {
            throw new \ValueError(self::OPTION . ': the basic auth user must not contain ":" (HTTP basic auth '
                . 'separates user and password with it)');
        }
        if ($password === '') {
            throw new \ValueError(self::OPTION . ': the basic auth password must not be empty');
        }
        if (preg_match('//u', $password) !== 1) {
            // Utf8::check() would name the offending byte: nothing of the password goes into a message.
            throw new \ValueError(self::OPTION . ': the basic auth password must be valid UTF-8');
        }
        return [$user, $password];
    }
}

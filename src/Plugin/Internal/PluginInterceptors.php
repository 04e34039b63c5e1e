<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Plugin\Internal;

use TrueAsync\Temporal\Interceptor\Interceptor;
use TrueAsync\Temporal\Plugin\Plugin;

/** @internal */
final class PluginInterceptors
{
    /**
     * A plugin's interceptors, checked: getInterceptors() is typed array only, and a wrong element would fail
     * far from its cause, at the first call of the interface it was meant for.
     *
     * @return list<Interceptor>
     * @throws \TypeError an element is not an Interceptor
     */
    public static function of(Plugin $plugin): array
    {
        $interceptors = array_values($plugin->getInterceptors());
        foreach ($interceptors as $i => $interceptor) {
            if (!$interceptor instanceof Interceptor) {
                throw new \TypeError(\sprintf('plugin "%s": interceptor #%d must be an Interceptor, got %s',
                    $plugin->getName(), $i, get_debug_type($interceptor)));
            }
        }
        return $interceptors;
    }
}

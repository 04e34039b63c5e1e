<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Interceptor\Activity;

use TrueAsync\Temporal\Activity\ActivityInfo;
use TrueAsync\Temporal\Interceptor\Header;
use TrueAsync\Temporal\Interceptor\Internal\InputCopies;

/** One activity attempt, as ActivityInboundInterceptor::execute() gets it. */
final class ActivityInput
{
    use InputCopies;

    /**
     * @internal
     * @param string $activityType the type the workflow scheduled
     * @param list<mixed> $args exactly what the activity is called with, decoded per its declared
     *     parameter types; for the dynamic activity: the type name and an EncodedArguments, in that order
     * @param ActivityInfo $info the attempt, as Activity::getInfo() would give it without interceptors
     * @param Header $header the header the scheduling workflow sent with the activity
     */
    public function __construct(
        public readonly string $activityType,
        public readonly array $args,
        public readonly ActivityInfo $info,
        public readonly Header $header,
    ) {
    }

    /**
     * A copy the activity is called with instead: mind the declared parameter types (values are not
     * converted again) and, for the dynamic activity, keep the type name and an EncodedArguments.
     *
     * @param list<mixed> $args
     */
    public function withArgs(array $args): self
    {
        return $this->with('args', array_values($args));
    }

    /** A copy with another header, for the interceptors after this one. */
    public function withHeader(Header $header): self
    {
        return $this->with('header', $header);
    }
}

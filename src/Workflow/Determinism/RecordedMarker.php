<?php

declare(strict_types=1);

namespace TrueAsync\Temporal\Workflow\Determinism;

use TrueAsync\Temporal\Api\Common\V1\Payloads;
use TrueAsync\Temporal\Api\History\V1\MarkerRecordedEventAttributes;

/**
 * Reads the two markers the core writes: a patch ("core_patch") and a local activity's result
 * ("core_local_activity"). Both keep their facts as JSON in the marker's details, the way the core encodes
 * them; the patch marker of older cores kept the id as plain bytes.
 *
 * @internal
 */
final class RecordedMarker
{
    private const PATCH = 'core_patch';
    private const LOCAL_ACTIVITY = 'core_local_activity';

    /**
     * @param \Closure(StepKind, ?string=, ?string=): RecordedStep $step
     * @return ?RecordedStep null for a marker this SDK cannot have written (another SDK's): no command of
     *     this code can match it, and guessing its meaning would mislead more than leaving it out
     */
    public static function toStep(MarkerRecordedEventAttributes $marker, \Closure $step): ?RecordedStep
    {
        $details = $marker->getDetails();
        return match ($marker->getMarkerName()) {
            self::PATCH => self::patch($details, $step),
            self::LOCAL_ACTIVITY => $step(StepKind::LocalActivity,
                self::stringField(self::json($details, 'data'), 'activity_type', 'activityType')),
            default => null,
        };
    }

    /**
     * @param iterable<string, Payloads> $details
     * @param \Closure(StepKind, ?string=, ?string=): RecordedStep $step
     */
    private static function patch(iterable $details, \Closure $step): RecordedStep
    {
        $data = self::json($details, 'patch-data');
        if ($data !== null) {
            $id = self::stringField($data, 'id');
            $deprecated = ($data['deprecated'] ?? false) === true;
        } else {
            $id = self::bytes($details, 'patch_id');
            $deprecated = \in_array(self::bytes($details, 'deprecated'), ["\x01", 'true'], true);
        }
        return $step(StepKind::PatchMarker, $id, $deprecated ? 'deprecated' : null);
    }

    /**
     * @param iterable<string, Payloads> $details
     * @return ?array<string, mixed>
     */
    private static function json(iterable $details, string $key): ?array
    {
        $bytes = self::bytes($details, $key);
        $decoded = $bytes === null ? null : json_decode($bytes, true);
        return \is_array($decoded) ? $decoded : null;
    }

    /** @param iterable<string, Payloads> $details */
    private static function bytes(iterable $details, string $key): ?string
    {
        foreach ($details as $name => $payloads) {
            if ($name === $key) {
                foreach ($payloads->getPayloads() as $payload) {
                    return $payload->getData();
                }
            }
        }
        return null;
    }

    /** @param ?array<string, mixed> $data */
    private static function stringField(?array $data, string ...$keys): ?string
    {
        foreach ($keys as $key) {
            if (isset($data[$key]) && \is_string($data[$key]) && $data[$key] !== '') {
                return $data[$key];
            }
        }
        return null;
    }
}

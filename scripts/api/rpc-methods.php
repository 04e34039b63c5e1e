<?php
// Usage: php rpc-methods.php <FileDescriptorSet file (protoc --include_imports)> <generated PHP root>
// Prints gen/rpc-methods.json: for WorkflowService, OperatorService, HealthService and TestService, every rpc with its
// request/response full proto names (as upstream spells them), their generated PHP classes and the
// streaming flags.
//
// Reads the descriptor set with a small wire-format walker instead of a protobuf runtime, so it runs the same
// whether the native extension, the pure-PHP runtime or neither is present.

declare(strict_types=1);

require __DIR__ . '/php-names.php';

const SERVICES = [
    'temporal.api.workflowservice.v1.WorkflowService' => 'WorkflowService',
    'temporal.api.operatorservice.v1.OperatorService' => 'OperatorService',
    'grpc.health.v1.Health' => 'HealthService',
    'temporal.api.testservice.v1.TestService' => 'TestService',
];

/** @return list<array{int, int|string}> the (field number, value) pairs of one encoded message */
function decode_fields(string $bytes): array
{
    $fields = [];
    $pos = 0;
    $end = strlen($bytes);
    while ($pos < $end) {
        $key = read_varint($bytes, $pos);
        $length = match ($key & 7) {
            0 => null,
            1 => 8,
            2 => read_varint($bytes, $pos),
            5 => 4,
            default => throw new UnexpectedValueException("unsupported wire type in key $key"),
        };
        if ($length === null) {
            $value = read_varint($bytes, $pos);
        } elseif ($pos + $length > $end) {
            throw new UnexpectedValueException('truncated field');
        } else {
            $value = substr($bytes, $pos, $length);
            $pos += $length;
        }
        $fields[] = [$key >> 3, $value];
    }
    return $fields;
}

function read_varint(string $bytes, int &$pos): int
{
    $value = 0;
    for ($shift = 0; ; $shift += 7) {
        if ($pos >= strlen($bytes)) {
            throw new UnexpectedValueException('truncated varint');
        }
        $byte = ord($bytes[$pos++]);
        $value |= ($byte & 0x7f) << $shift;
        if ($byte < 0x80) {
            return $value;
        }
    }
}

/** @return array<int, list<int|string>> field number → values */
function group_fields(string $bytes): array
{
    $grouped = [];
    foreach (decode_fields($bytes) as [$number, $value]) {
        $grouped[$number][] = $value;
    }
    return $grouped;
}

[, $descriptorFile, $genRoot] = $argv + [null, null, null];
if ($descriptorFile === null || $genRoot === null) {
    fwrite(STDERR, "usage: php rpc-methods.php <descriptor set> <generated PHP root>\n");
    exit(2);
}

// FileDescriptorSet.file = 1; FileDescriptorProto: package = 2, message_type = 4, service = 6;
// DescriptorProto.name = 1; ServiceDescriptorProto: name = 1, method = 2;
// MethodDescriptorProto: name = 1, input_type = 2, output_type = 3, client_streaming = 5, server_streaming = 6.
$packageOf = [];
$services = [];
foreach (group_fields(file_get_contents($descriptorFile))[1] ?? [] as $fileBytes) {
    $file = group_fields($fileBytes);
    $package = $file[2][0] ?? '';
    foreach ($file[4] ?? [] as $messageBytes) {
        $packageOf[$package . '.' . group_fields($messageBytes)[1][0]] = $package;
    }
    foreach ($file[6] ?? [] as $serviceBytes) {
        $service = group_fields($serviceBytes);
        $services[api_upstream_name($package . '.' . $service[1][0])] = $service[2] ?? [];
    }
}

$classOf = static function (string $typeName) use ($packageOf, $genRoot): string {
    $fullName = ltrim($typeName, '.');
    if ($fullName === 'google.protobuf.Empty') {
        return 'Google\\Protobuf\\GPBEmpty'; // a well-known type: the protobuf runtime's class, not generated
    }
    $class = api_php_class($fullName, $packageOf[$fullName] ?? throw new RuntimeException("unknown type $fullName"));
    $file = $genRoot . '/' . strtr($class, '\\', '/') . '.php';
    if (!is_file($file)) {
        throw new RuntimeException("$fullName: expected generated class $class in $file");
    }
    return $class;
};

$out = [];
foreach (SERVICES as $fullName => $name) {
    $methods = $services[$fullName] ?? throw new RuntimeException("service $fullName not in $descriptorFile");
    foreach ($methods as $methodBytes) {
        $method = group_fields($methodBytes);
        $out[$name][] = [
            'method' => $method[1][0],
            'request' => api_upstream_name(ltrim($method[2][0], '.')),
            'response' => api_upstream_name(ltrim($method[3][0], '.')),
            'request_class' => $classOf($method[2][0]),
            'response_class' => $classOf($method[3][0]),
            'client_streaming' => (bool) ($method[5][0] ?? false),
            'server_streaming' => (bool) ($method[6][0] ?? false),
        ];
    }
}
echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";

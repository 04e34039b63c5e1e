<?php
// The one naming rule for generated Temporal API classes; used by prepare-protos.php and rpc-methods.php.
//
// A proto package maps to a PHP namespace under TrueAsync\Temporal\Api\: a leading `temporal.api.` is dropped,
// every other segment becomes UpperCamelCase (underscores dropped) and a PHP reserved word gets protoc's `PB`
// prefix. For `temporal.api.*` this is protoc's own default, so our class is "TrueAsync\" + the class of the
// temporal/api package:
//   temporal.api.workflowservice.v1 → TrueAsync\Temporal\Api\Workflowservice\V1
//   temporal.api.namespace.v1       → TrueAsync\Temporal\Api\PBNamespace\V1
//   coresdk.workflow_activation     → TrueAsync\Temporal\Api\Coresdk\WorkflowActivation
//   google.rpc / grpc.health.v1     → TrueAsync\Temporal\Api\Google\Rpc / ...\Grpc\Health\V1
// Metadata classes live under the same names below TrueAsync\Temporal\Api\GPBMetadata\.

declare(strict_types=1);

const API_ROOT_NAMESPACE = 'TrueAsync\\Temporal\\Api';
// Third-party protos are staged under this path prefix and package prefix (prepare-protos.php explains why);
// names derived here ignore it, so google.rpc.Status is TrueAsync\Temporal\Api\Google\Rpc\Status either way.
const API_ISOLATION_PREFIX = 'trueasync';

// protoc 3.21 php_generator.cc kReservedNames
const PHP_RESERVED_NAMES = [
    'abstract', 'and', 'array', 'as', 'break', 'callable', 'case', 'catch', 'class', 'clone', 'const',
    'continue', 'declare', 'default', 'die', 'do', 'echo', 'else', 'elseif', 'empty', 'enddeclare', 'endfor',
    'endforeach', 'endif', 'endswitch', 'endwhile', 'eval', 'exit', 'extends', 'final', 'finally', 'fn', 'for',
    'foreach', 'function', 'global', 'goto', 'if', 'implements', 'include', 'include_once', 'instanceof',
    'insteadof', 'interface', 'isset', 'list', 'match', 'namespace', 'new', 'or', 'parent', 'print', 'private',
    'protected', 'public', 'readonly', 'require', 'require_once', 'return', 'self', 'static', 'switch', 'throw',
    'trait', 'try', 'unset', 'use', 'var', 'while', 'xor', 'yield', 'int', 'float', 'bool', 'string', 'true',
    'false', 'null', 'void', 'iterable',
];

function api_php_segment(string $segment): string
{
    $name = str_replace(' ', '', ucwords(str_replace('_', ' ', $segment)));
    return in_array(strtolower($name), PHP_RESERVED_NAMES, true) ? 'PB' . $name : $name;
}

/** `trueasync.google.rpc` → `google.rpc`: the package as upstream wrote it. */
function api_upstream_name(string $name): string
{
    return preg_replace('/^' . API_ISOLATION_PREFIX . '\./', '', $name);
}

function api_relative_namespace(string $package): string
{
    $package = preg_replace('/^temporal\.api\./', '', api_upstream_name($package));
    return implode('\\', array_map('api_php_segment', explode('.', $package)));
}

function api_php_namespace(string $package): string
{
    return API_ROOT_NAMESPACE . '\\' . api_relative_namespace($package);
}

function api_metadata_namespace(string $package): string
{
    return API_ROOT_NAMESPACE . '\\GPBMetadata\\' . api_relative_namespace($package);
}

/** Class of a top-level message or enum: `temporal.api.common.v1.Payload` in package `temporal.api.common.v1`. */
function api_php_class(string $fullName, string $package): string
{
    $local = substr($fullName, strlen($package) + 1);
    $names = array_map(
        static fn (string $name) => in_array(strtolower($name), PHP_RESERVED_NAMES, true) ? 'PB' . $name : $name,
        explode('.', $local),
    );
    return api_php_namespace($package) . '\\' . implode('\\', $names);
}

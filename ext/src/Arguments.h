// Argument checks shared by several methods. Each one throws the Zend argument error naming the argument
// and returns false, so the caller can return at once.
#ifndef TEMPORAL_ARGUMENTS_H
#define TEMPORAL_ARGUMENTS_H

#include <cstdint>
#include <string_view>

#include "php.h"
#include "Zend/zend_smart_str.h"

namespace temporal {

// A PHP string as bytes for the bridge, borrowed for one call.
inline std::string_view viewOf(const zend_string* s) {
    return {ZSTR_VAL(s), ZSTR_LEN(s)};
}

constexpr zend_long kMaxTimeoutMs = 2147483647;

// A timeout in milliseconds: 0 to 2147483647.
bool timeoutArgument(zend_long value, uint32_t argNum, uint32_t* timeoutMs);

// gRPC metadata as the bridge takes it: a JSON object of string → string. An empty array (or null: the
// argument was omitted) is left as an empty `json`: no metadata. Header names and values are the bridge's to
// validate; it rejects what tonic would otherwise mangle.
bool metadataArgument(HashTable* metadata, uint32_t argNum, smart_str* json);

}  // namespace temporal

#endif

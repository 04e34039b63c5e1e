#include "Arguments.h"

// php_json.h declares its API without BEGIN_EXTERN_C, unlike the Zend headers.
extern "C" {
#include "ext/json/php_json.h"
}

namespace temporal {
namespace {

// Encodes one JSON string; false if `text` is not valid UTF-8 (JSON cannot carry it).
bool appendJsonString(smart_str* json, zend_string* text) {
    zend_string* encoded = php_json_encode_string(ZSTR_VAL(text), ZSTR_LEN(text),
                                                  PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE);
    if (encoded == nullptr) {
        return false;
    }
    smart_str_append(json, encoded);
    zend_string_release(encoded);
    return true;
}

bool appendMember(smart_str* json, zend_string* key, zend_string* value) {
    if (!appendJsonString(json, key)) {
        return false;
    }
    smart_str_appendc(json, ':');
    return appendJsonString(json, value);
}

bool checkEntry(zend_string* key, zval* value, uint32_t argNum) {
    if (key == nullptr) {
        zend_argument_value_error(argNum, "must contain only string keys");
        return false;
    }
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(argNum, "must contain only string values, %s given", zend_zval_type_name(value));
        return false;
    }
    return true;
}

}  // namespace

bool timeoutArgument(zend_long value, uint32_t argNum, uint32_t* timeoutMs) {
    if (value < 0 || value > kMaxTimeoutMs) {
        zend_argument_value_error(argNum, "must be between 0 and %d", static_cast<int>(kMaxTimeoutMs));
        return false;
    }
    *timeoutMs = static_cast<uint32_t>(value);
    return true;
}

bool metadataArgument(HashTable* metadata, uint32_t argNum, smart_str* json) {
    if (metadata == nullptr) {
        return true;
    }
    zend_string* key;
    zval* value;
    char separator = '{';
    ZEND_HASH_FOREACH_STR_KEY_VAL_IND(metadata, key, value) {
        ZVAL_DEREF(value);
        if (!checkEntry(key, value, argNum)) {
            smart_str_free(json);
            return false;
        }
        smart_str_appendc(json, separator);
        separator = ',';
        if (!appendMember(json, key, Z_STR_P(value))) {
            smart_str_free(json);
            zend_argument_value_error(argNum, "must contain only valid UTF-8 strings");
            return false;
        }
    } ZEND_HASH_FOREACH_END();
    if (separator == ',') {
        smart_str_appendc(json, '}');
        smart_str_0(json);
    }
    return true;
}

}  // namespace temporal

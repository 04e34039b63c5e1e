#include "GuardedCalls.h"

#include <array>
#include <cstddef>
#include <cstring>
#include <utility>

#include "php.h"
#include "Zend/zend_exceptions.h"

#include "Exceptions.h"

namespace temporal {

namespace {

// When a call is refused, by its arguments.
enum class Refuse {
    Always,
    WithoutTimestamp1,  // the timestamp (argument 1) is absent or null: "now"
    WithoutTimestamp2,  // the timestamp (argument 2) is absent or null: "now"
    WithoutFullDate,    // mktime()/gmmktime(): a missing or null part is taken from "now"
    NowString,          // the date string (argument 1) is absent, null, '' or 'now'
    Url,                // the path (argument 1) names a stream wrapper other than php://memory and php://temp
};

constexpr const char* kNow = "use Workflow::now()";
constexpr const char* kRandom = "use Workflow::random()";
constexpr const char* kUuid = "use Workflow::uuid4()";
constexpr const char* kSleep = "use Workflow::sleep()";
constexpr const char* kActivity = "run it in an activity";

struct GuardedCall {
    const char* className;  // lowercase; null for a function, else the method is that class's constructor
    const char* name;
    const char* shown;      // how the message names the call
    Refuse refuse;
    const char* hint;
    zend_function* function;  // null when not present in this process
    zif_handler original;
};

GuardedCall calls[] = {
    {nullptr, "time", "time()", Refuse::Always, kNow, nullptr, nullptr},
    {nullptr, "microtime", "microtime()", Refuse::Always, kNow, nullptr, nullptr},
    {nullptr, "hrtime", "hrtime()", Refuse::Always, kNow, nullptr, nullptr},
    {nullptr, "date", "date()", Refuse::WithoutTimestamp2, kNow, nullptr, nullptr},
    {nullptr, "gmdate", "gmdate()", Refuse::WithoutTimestamp2, kNow, nullptr, nullptr},
    {nullptr, "idate", "idate()", Refuse::WithoutTimestamp2, kNow, nullptr, nullptr},
    {nullptr, "getdate", "getdate()", Refuse::WithoutTimestamp1, kNow, nullptr, nullptr},
    {nullptr, "localtime", "localtime()", Refuse::WithoutTimestamp1, kNow, nullptr, nullptr},
    {nullptr, "mktime", "mktime()", Refuse::WithoutFullDate, kNow, nullptr, nullptr},
    {nullptr, "gmmktime", "gmmktime()", Refuse::WithoutFullDate, kNow, nullptr, nullptr},
    {nullptr, "date_create", "date_create()", Refuse::NowString, kNow, nullptr, nullptr},
    {nullptr, "date_create_immutable", "date_create_immutable()", Refuse::NowString, kNow, nullptr, nullptr},
    {"datetime", "__construct", "new DateTime()", Refuse::NowString, kNow, nullptr, nullptr},
    {"datetimeimmutable", "__construct", "new DateTimeImmutable()", Refuse::NowString, kNow, nullptr, nullptr},
    {nullptr, "rand", "rand()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "mt_rand", "mt_rand()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "random_int", "random_int()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "random_bytes", "random_bytes()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "lcg_value", "lcg_value()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "shuffle", "shuffle()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "str_shuffle", "str_shuffle()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "array_rand", "array_rand()", Refuse::Always, kRandom, nullptr, nullptr},
    {nullptr, "uniqid", "uniqid()", Refuse::Always, kUuid, nullptr, nullptr},
    {nullptr, "sleep", "sleep()", Refuse::Always, kSleep, nullptr, nullptr},
    {nullptr, "usleep", "usleep()", Refuse::Always, kSleep, nullptr, nullptr},
    {nullptr, "time_nanosleep", "time_nanosleep()", Refuse::Always, kSleep, nullptr, nullptr},
    {nullptr, "time_sleep_until", "time_sleep_until()", Refuse::Always, kSleep, nullptr, nullptr},
    {nullptr, "fsockopen", "fsockopen()", Refuse::Always, kActivity, nullptr, nullptr},
    {nullptr, "pfsockopen", "pfsockopen()", Refuse::Always, kActivity, nullptr, nullptr},
    {nullptr, "stream_socket_client", "stream_socket_client()", Refuse::Always, kActivity, nullptr, nullptr},
    {nullptr, "file_get_contents", "file_get_contents()", Refuse::Url, kActivity, nullptr, nullptr},
    {nullptr, "fopen", "fopen()", Refuse::Url, kActivity, nullptr, nullptr},
    {nullptr, "curl_exec", "curl_exec()", Refuse::Always, kActivity, nullptr, nullptr},
    {nullptr, "curl_multi_exec", "curl_multi_exec()", Refuse::Always, kActivity, nullptr, nullptr},
};

constexpr std::size_t kCallCount = sizeof(calls) / sizeof(calls[0]);

bool callsGuarded = false;

// Argument `n` (1-based) of the call, dereferenced; null when it was not passed.
zval* argument(zend_execute_data* execute_data, uint32_t n) {
    if (ZEND_NUM_ARGS() < n) {
        return nullptr;
    }
    zval* value = ZEND_CALL_ARG(execute_data, n);
    ZVAL_DEREF(value);
    return Z_TYPE_P(value) == IS_UNDEF ? nullptr : value;
}

bool absentOrNull(zend_execute_data* execute_data, uint32_t n) {
    zval* value = argument(execute_data, n);
    return value == nullptr || Z_TYPE_P(value) == IS_NULL;
}

bool isNowString(zval* value) {
    if (value == nullptr || Z_TYPE_P(value) == IS_NULL) {
        return true;
    }
    return Z_TYPE_P(value) == IS_STRING
        && (Z_STRLEN_P(value) == 0 || zend_binary_strcasecmp(Z_STRVAL_P(value), Z_STRLEN_P(value), "now", 3) == 0);
}

bool startsWith(zend_string* s, const char* prefix) {
    std::size_t length = std::strlen(prefix);
    return ZSTR_LEN(s) >= length && zend_binary_strncasecmp(ZSTR_VAL(s), length, prefix, length, length) == 0;
}

bool isUrl(zval* value) {
    if (value == nullptr || Z_TYPE_P(value) != IS_STRING) {
        return false;
    }
    zend_string* path = Z_STR_P(value);
    return std::strstr(ZSTR_VAL(path), "://") != nullptr && !startsWith(path, "php://memory")
        && !startsWith(path, "php://temp");
}

bool refuses(Refuse refuse, zend_execute_data* execute_data) {
    switch (refuse) {
        case Refuse::Always: return true;
        case Refuse::WithoutTimestamp1: return absentOrNull(execute_data, 1);
        case Refuse::WithoutTimestamp2: return absentOrNull(execute_data, 2);
        case Refuse::WithoutFullDate:
            for (uint32_t n = 1; n <= 6; n++) {
                if (absentOrNull(execute_data, n)) {
                    return true;
                }
            }
            return false;
        case Refuse::NowString: return isNowString(argument(execute_data, 1));
        case Refuse::Url: return isUrl(argument(execute_data, 1));
    }
    return false;
}

void throwRefused(const GuardedCall& call) {
    const char* file = zend_get_executed_filename();
    uint32_t line = zend_get_executed_lineno();
    zend_throw_exception_ex(nonDeterministicCallExceptionCe, 0,
                            "%s is not deterministic in workflow code (called at %s:%u); %s", call.shown, file, line,
                            call.hint);
}

void callGuarded(std::size_t index, zend_execute_data* execute_data, zval* return_value) {
    const GuardedCall& call = calls[index];
    if (callsGuarded && refuses(call.refuse, execute_data)) {
        throwRefused(call);
        return;
    }
    call.original(execute_data, return_value);
}

template <std::size_t I>
void guardedHandler(INTERNAL_FUNCTION_PARAMETERS) {
    callGuarded(I, execute_data, return_value);
}

template <std::size_t... I>
constexpr auto makeHandlers(std::index_sequence<I...>) {
    return std::array<zif_handler, sizeof...(I)>{{&guardedHandler<I>...}};
}

const auto handlers = makeHandlers(std::make_index_sequence<kCallCount>());

zend_function* lookUp(const GuardedCall& call) {
    HashTable* table = CG(function_table);
    if (call.className != nullptr) {
        auto* ce = static_cast<zend_class_entry*>(
            zend_hash_str_find_ptr(CG(class_table), call.className, std::strlen(call.className)));
        if (ce == nullptr) {
            return nullptr;
        }
        table = &ce->function_table;
    }
    auto* function = static_cast<zend_function*>(zend_hash_str_find_ptr(table, call.name, std::strlen(call.name)));
    return function != nullptr && function->type == ZEND_INTERNAL_FUNCTION ? function : nullptr;
}

}  // namespace

void installGuardedCalls() {
    for (std::size_t i = 0; i < kCallCount; i++) {
        GuardedCall& call = calls[i];
        call.function = lookUp(call);
        if (call.function != nullptr) {
            call.original = call.function->internal_function.handler;
            call.function->internal_function.handler = handlers[i];
        }
    }
}

void uninstallGuardedCalls() {
    for (GuardedCall& call : calls) {
        if (call.function != nullptr) {
            call.function->internal_function.handler = call.original;
        }
        call.function = nullptr;
    }
}

void setCallsGuarded(bool guarded) {
    callsGuarded = guarded;
}

}  // namespace temporal

// The exception classes of TrueAsync\Temporal\Core and the ways ext raises them.
#ifndef TEMPORAL_EXCEPTIONS_H
#define TEMPORAL_EXCEPTIONS_H

#include <exception>

#include "php.h"
#include "Zend/zend_exceptions.h"

#include "temporal_bridge.h"

namespace temporal {

extern zend_class_entry* temporalExceptionCe;
extern zend_class_entry* connectionExceptionCe;
extern zend_class_entry* serviceExceptionCe;
extern zend_class_entry* cancelledExceptionCe;
extern zend_class_entry* nonDeterministicCallExceptionCe;
extern zend_class_entry* deadlockExceptionCe;

void registerExceptions();

// A call the bridge rejected (nothing started): INVALID_ARGUMENT is the caller's fault and becomes
// \ValueError; FORKED and INTERNAL become TemporalException. Always the bridge's own message.
void throwRejection(const TbError* error);

void throwServiceException(int32_t grpcCode, zend_string* message, zend_string* details);

// Throws a DeadlockException with `message` and the workflow stack `stack`; `previous` (may be null) is taken.
void throwDeadlockException(zend_string* message, zend_string* stack, zend_object* previous);

// Runs a method body so that no C++ exception reaches the Zend engine: one that escapes becomes a
// TemporalException. Bodies still return at once after throwing a PHP exception.
template <class Body>
void guarded(Body&& body) noexcept {
    try {
        body();
    } catch (const std::exception& e) {
        zend_throw_exception(temporalExceptionCe, e.what(), 0);
    } catch (...) {
        zend_throw_exception(temporalExceptionCe, "Unexpected C++ exception in the temporal extension", 0);
    }
}

}  // namespace temporal

#endif

// Zend objects with a C++ payload in front of the zend_object, the usual php-src layout.
#ifndef TEMPORAL_ZEND_OBJECT_H
#define TEMPORAL_ZEND_OBJECT_H

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>

#include "php.h"

namespace temporal {

// T is a struct whose last member is `zend_object std`. It must be standard-layout for offsetof to be
// defined, which is why the handle deleters are stateless.
template <class T>
T* objectOf(zend_object* object) {
    static_assert(std::is_standard_layout<T>::value, "Zend object payloads must be standard-layout");
    return reinterpret_cast<T*>(reinterpret_cast<char*>(object) - offsetof(T, std));
}

template <class T>
void initHandlers(zend_object_handlers* handlers, void (*freeObject)(zend_object*)) {
    std::memcpy(handlers, &std_object_handlers, sizeof(zend_object_handlers));
    handlers->offset = static_cast<int>(offsetof(T, std));
    handlers->free_obj = freeObject;
    handlers->clone_obj = nullptr;
}

// The payload starts zeroed. Only the payload: zend_object_alloc() leaves out the last property slot of
// `std` when the class has no properties, so value-initializing all of T would write past the block.
template <class T>
zend_object* allocateObject(zend_class_entry* ce, const zend_object_handlers* handlers) {
    void* memory = zend_object_alloc(sizeof(T), ce);
    std::memset(memory, 0, offsetof(T, std));
    auto* self = new (memory) T;
    zend_object_std_init(&self->std, ce);
    object_properties_init(&self->std, ce);
    self->std.handlers = handlers;
    return &self->std;
}

// The tail of every free_obj handler, after the class released what it owns.
template <class T>
void destroyObject(zend_object* object) {
    T* self = objectOf<T>(object);
    zend_object_std_dtor(object);
    self->~T();
}

}  // namespace temporal

#endif

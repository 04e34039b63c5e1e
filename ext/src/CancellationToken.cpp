#include "CancellationToken.h"

#include <unistd.h>

#include "ZendObject.h"

#include "Exceptions.h"
#include "bridge/Handles.h"

#include "../stubs/CancellationToken_arginfo.h"

namespace temporal {

zend_class_entry* cancellationTokenCe;

namespace {

struct CancellationTokenObject {
    CancelPtr handle;
    pid_t owner;
    zend_object std;
};

zend_object_handlers handlers;

zend_object* createToken(zend_class_entry* ce) {
    zend_object* object = allocateObject<CancellationTokenObject>(ce, &handlers);
    auto* self = objectOf<CancellationTokenObject>(object);
    self->handle.reset(tb_cancel_new());
    self->owner = getpid();
    return object;
}

void freeToken(zend_object* object) {
    auto* self = objectOf<CancellationTokenObject>(object);
    releaseOwned(self->handle, self->owner);
    destroyObject<CancellationTokenObject>(object);
}

}  // namespace

void registerCancellationToken() {
    cancellationTokenCe = register_class_TrueAsync_Temporal_Core_CancellationToken();
    cancellationTokenCe->create_object = createToken;
    initHandlers<CancellationTokenObject>(&handlers, freeToken);
}

const TbCancel* cancelHandleOf(zend_object* token) {
    return token == nullptr ? nullptr : objectOf<CancellationTokenObject>(token)->handle.get();
}

}  // namespace temporal

using temporal::CancellationTokenObject;
using temporal::objectOf;

ZEND_METHOD(TrueAsync_Temporal_Core_CancellationToken, cancel) {
    ZEND_PARSE_PARAMETERS_NONE();
    auto* self = objectOf<CancellationTokenObject>(Z_OBJ_P(ZEND_THIS));
    if (self->handle) {
        tb_cancel_cancel(self->handle.get());
    }
}

ZEND_METHOD(TrueAsync_Temporal_Core_CancellationToken, isCancelled) {
    ZEND_PARSE_PARAMETERS_NONE();
    auto* self = objectOf<CancellationTokenObject>(Z_OBJ_P(ZEND_THIS));
    RETURN_BOOL(self->handle && tb_cancel_is_cancelled(self->handle.get()));
}

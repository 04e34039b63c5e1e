// Owning wrappers for the bridge's handles, and byte views across the C ABI. Plain C++: no Zend here.
#ifndef TEMPORAL_HANDLES_H
#define TEMPORAL_HANDLES_H

#include <sys/types.h>
#include <unistd.h>

#include <cstddef>
#include <memory>
#include <string_view>

#include "temporal_bridge.h"

namespace temporal {

// Deleters are stateless so that a Zend object embedding a handle stays standard-layout (see ZendObject.h).
struct QueueFree { void operator()(TbQueue* h) const noexcept { tb_queue_free(h); } };
struct ConnectionFree { void operator()(TbConnection* h) const noexcept { tb_connection_free(h); } };
struct CancelFree { void operator()(TbCancel* h) const noexcept { tb_cancel_free(h); } };
struct WorkerFree { void operator()(TbWorker* h) const noexcept { tb_worker_free(h); } };
struct CompletionFree { void operator()(TbCompletion* h) const noexcept { tb_completion_free(h); } };
struct ErrorFree { void operator()(TbError* h) const noexcept { tb_error_free(h); } };
struct BufferFree { void operator()(TbBuffer* h) const noexcept { tb_buffer_free(h); } };

using QueuePtr = std::unique_ptr<TbQueue, QueueFree>;
using ConnectionPtr = std::unique_ptr<TbConnection, ConnectionFree>;
using CancelPtr = std::unique_ptr<TbCancel, CancelFree>;
using WorkerPtr = std::unique_ptr<TbWorker, WorkerFree>;
using CompletionPtr = std::unique_ptr<TbCompletion, CompletionFree>;
using ErrorPtr = std::unique_ptr<TbError, ErrorFree>;
using BufferPtr = std::unique_ptr<TbBuffer, BufferFree>;

inline TbBytes toBytes(std::string_view s) noexcept {
    return TbBytes{reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

inline std::string_view toView(TbBytes b) noexcept {
    if (b.data == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(b.data), b.len};
}

// Keeps a pointer reachable for the rest of the process without ever freeing it.
void parkForever(void* handle);

// A handle made before fork() belongs to the parent's runtime: freeing it in the child could run Drop code
// against a Tokio runtime whose threads do not exist here and locks copied in an unknown state. The child
// parks such handles instead; `owner` is the pid that made the handle.
template <class Ptr>
void releaseOwned(Ptr& handle, pid_t owner) noexcept {
    if (owner == getpid()) {
        handle.reset();
    } else if (handle) {
        parkForever(handle.release());
    }
}

}  // namespace temporal

#endif

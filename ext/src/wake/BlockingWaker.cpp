// Stock PHP: the PHP thread sleeps on the queue's condvar, so no hook is needed.
#include "wake/Waker.h"

namespace temporal {
namespace {

class BlockingWaker final : public Waker {
public:
    void attach(TbQueue* queue) override { queue_ = queue; }

    void detach() override { queue_ = nullptr; }

    bool wait(uint32_t timeoutMs) override {
        if (queue_ != nullptr) {
            (void)tb_queue_wait(queue_, timeoutMs);
        }
        return true;
    }

private:
    TbQueue* queue_ = nullptr;
};

}  // namespace

std::unique_ptr<Waker> makeBlockingWaker() {
    return std::make_unique<BlockingWaker>();
}

}  // namespace temporal

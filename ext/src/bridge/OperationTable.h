// Bookkeeping for accepted operations on the PHP thread. Plain C++: an operation is known only by its id and
// an opaque pointer to its PendingOperation, which the table never owns (it is a weak map).
#ifndef TEMPORAL_OPERATION_TABLE_H
#define TEMPORAL_OPERATION_TABLE_H

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace temporal {

struct PendingOperationObject;

class OperationTable {
public:
    // Ids never repeat within a process, so a late completion can never reach a newer operation.
    uint64_t nextId() { return ++lastId_; }

    // An accepted operation whose completion is owed; `operation` stays valid until forget(id).
    void track(uint64_t id, PendingOperationObject* operation);

    // The PendingOperation is being freed: its completion, if it still comes, is dropped.
    void forget(uint64_t id);

    // The operation waiting for `id`'s completion, or null if nobody is waiting any more.
    PendingOperationObject* find(uint64_t id) const;

    // The operation got its completion. `report` puts it on the ready list for CompletionQueue::wait().
    void settled(uint64_t id, PendingOperationObject* operation, bool report);

    bool hasReady() const { return !ready_.empty(); }

    // The operations settled since the previous call that are still alive, in id order.
    std::vector<PendingOperationObject*> takeReady();

    // Every operation still waiting; used when their completions can never come (after fork()).
    std::vector<PendingOperationObject*> waiting() const;

    void accepted() { ++owed_; }
    void arrived() { owed_ = owed_ > 0 ? owed_ - 1 : 0; }
    uint64_t owed() const { return owed_; }

    // The completions owed went with the parent's queue (after fork()).
    void forgetOwed() { owed_ = 0; }

    // A new request: nothing owed, nobody waiting, nothing ready. Ids keep counting.
    void reset();

private:
    uint64_t lastId_ = 0;
    uint64_t owed_ = 0;
    std::unordered_map<uint64_t, PendingOperationObject*> waiting_;
    std::map<uint64_t, PendingOperationObject*> ready_;
};

}  // namespace temporal

#endif

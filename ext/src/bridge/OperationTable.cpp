#include "bridge/OperationTable.h"

namespace temporal {

void OperationTable::track(uint64_t id, PendingOperationObject* operation) {
    waiting_[id] = operation;
}

void OperationTable::forget(uint64_t id) {
    waiting_.erase(id);
    ready_.erase(id);
}

PendingOperationObject* OperationTable::find(uint64_t id) const {
    auto it = waiting_.find(id);
    return it == waiting_.end() ? nullptr : it->second;
}

void OperationTable::settled(uint64_t id, PendingOperationObject* operation, bool report) {
    waiting_.erase(id);
    if (report) {
        ready_[id] = operation;
    }
}

std::vector<PendingOperationObject*> OperationTable::takeReady() {
    std::vector<PendingOperationObject*> taken;
    taken.reserve(ready_.size());
    for (const auto& entry : ready_) {
        taken.push_back(entry.second);
    }
    ready_.clear();
    return taken;
}

std::vector<PendingOperationObject*> OperationTable::waiting() const {
    std::vector<PendingOperationObject*> all;
    all.reserve(waiting_.size());
    for (const auto& entry : waiting_) {
        all.push_back(entry.second);
    }
    return all;
}

void OperationTable::reset() {
    owed_ = 0;
    waiting_.clear();
    ready_.clear();
}

}  // namespace temporal

// How an operation ended, and the one mapping from that to what PHP sees.
#ifndef TEMPORAL_OUTCOME_H
#define TEMPORAL_OUTCOME_H

#include <cstdint>

#include "php.h"

#include "temporal_bridge.h"

namespace temporal {

// What an operation's OK completion carries, and whether SHUTDOWN is a result or an error.
//   Connect: a Connection;  Rpc: the response bytes;
//   Poll: a worker poll's bytes, or null at SHUTDOWN (the poll stream is done: a status, not an error);
//   NoResult: a worker call whose only news is that it finished (validate, complete, finalize): null.
enum class OperationKind : uint8_t { Connect, Rpc, Poll, NoResult };

// Copied out of a completion on the PHP thread, so the completion can be freed at once. All-zero is a valid
// empty outcome (value UNDEF, no strings), which is how a PendingOperation starts.
struct Outcome {
    uint32_t status;
    int32_t grpcCode;
    zval value;            // TB_STATUS_OK: the Connection (connect) or the bytes (RPC, poll); UNDEF for NoResult
    zend_string* message;  // null when the completion carries none
    zend_string* details;  // encoded google.rpc.Status of a gRPC error; null when absent
};

// Copies `completion` into `outcome`; a connect's TbConnection is taken and wrapped in a Connection.
void outcomeFromCompletion(Outcome* outcome, OperationKind kind, TbCompletion* completion);

// The operation was in flight in the parent when this process forked: its completion will never arrive here.
void outcomeForked(Outcome* outcome);

void outcomeRelease(Outcome* outcome);

// THE mapping from a completion status to a PHP outcome: sets `returnValue` or throws.
//   OK → Connection | string (poll) | null (NoResult);  GRPC_ERROR → ServiceException (connect:
//   ConnectionException);  CANCELLED → CancelledException;  ERROR → TemporalException (connect:
//   ConnectionException);  SHUTDOWN → null for worker operations, TemporalException for connect and RPC,
//   which have no shutdown of their own.
void outcomeToPhp(const Outcome& outcome, OperationKind kind, zval* returnValue);

}  // namespace temporal

#endif

// TrueAsync\Temporal\Core\Connection: wraps a TbConnection and starts RPCs on it.
#ifndef TEMPORAL_CONNECTION_H
#define TEMPORAL_CONNECTION_H

#include "php.h"

#include "bridge/Handles.h"

namespace temporal {

extern zend_class_entry* connectionCe;

void registerConnection();

// The Connection object for a connect operation's result.
zend_object* wrapConnection(ConnectionPtr handle);

// The connection's handle, borrowed for one bridge call; null if the object was never connected.
const TbConnection* connectionHandleOf(zend_object* connection);

}  // namespace temporal

#endif

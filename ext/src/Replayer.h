// TrueAsync\Temporal\Core\Replayer: a replay worker (a Core\Worker without a Connection) and its history pusher.
#ifndef TEMPORAL_REPLAYER_H
#define TEMPORAL_REPLAYER_H

#include "php.h"

namespace temporal {

extern zend_class_entry* replayerCe;

void registerReplayer();

}  // namespace temporal

#endif

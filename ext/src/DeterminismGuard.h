// TrueAsync\Temporal\Core\DeterminismGuard: runs workflow code with the guarded calls refused and the deadlock
// watchdog armed.
#ifndef TEMPORAL_DETERMINISM_GUARD_H
#define TEMPORAL_DETERMINISM_GUARD_H

namespace temporal {

// MINIT: the class, the swapped handlers, the interrupt hook.
void registerDeterminismGuard();

// RSHUTDOWN: a request that bailed out of run() (fatal error) leaves the guard on; turn it off.
void endGuardRequest();

// MSHUTDOWN: the original handlers and hook back; the watchdog thread stopped and joined.
void shutdownDeterminismGuard();

}  // namespace temporal

#endif

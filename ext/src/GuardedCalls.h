// The non-deterministic and blocking functions that workflow code may not call: their handlers are swapped at
// MINIT for ones that throw NonDeterministicCallException while the guard is on, and call the original
// handler otherwise (activities, everything outside workflow code).
#ifndef TEMPORAL_GUARDED_CALLS_H
#define TEMPORAL_GUARDED_CALLS_H

namespace temporal {

// MINIT: swaps the handlers of the guarded functions present in this process (ext/curl only if loaded first).
void installGuardedCalls();

// MSHUTDOWN: puts the original handlers back.
void uninstallGuardedCalls();

// Whether the swapped handlers refuse (true while DeterminismGuard::run() runs workflow code).
void setCallsGuarded(bool guarded);

}  // namespace temporal

#endif

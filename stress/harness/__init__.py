"""Shared helpers of the stress scenarios (`make stress`): import as `stress.harness.*` with the repository
root on sys.path (stress.harness.paths.setup() does that), next to `bench.harness.*`, which they reuse."""

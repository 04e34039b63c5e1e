# Builds the Rust bridge when configure found its sources (no --with-temporal-bridge=DIR). The recipe runs on
# every make and cargo decides what is stale: it leaves the archive untouched when nothing changed, so make
# relinks the module only when the archive is newer.
$(TEMPORAL_SHARED_DEPENDENCIES): temporal-bridge-cargo
	@test -f $@

temporal-bridge-cargo:
	cd "$(TEMPORAL_BRIDGE_SRC)" && CARGO_TARGET_DIR="$(TEMPORAL_CARGO_TARGET_DIR)" "$(TEMPORAL_CARGO)" build $(TEMPORAL_CARGO_FLAGS)

.PHONY: temporal-bridge-cargo

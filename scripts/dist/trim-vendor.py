#!/usr/bin/env python3
"""Empties the vendored crates that no supported platform builds, so the source tarball stays small.

    trim-vendor.py BRIDGE_DIR VENDOR_DIR

`cargo vendor` copies every crate in Cargo.lock, Windows bindings included (about 90 % of its 530 MB).
Cargo still reads the manifest of every locked crate, so a crate cannot simply be deleted: it becomes a
stub that keeps its Cargo.toml (dependencies and features unchanged, so Cargo.lock still matches) and an
empty file for each target the manifest names. Its .cargo-checksum.json keeps the package checksum Cargo
compares with Cargo.lock and lists no files, so Cargo checks none of the removed ones.
"""

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

# Linux only: the extension links with a GNU ld version script (ext/temporal.map).
PLATFORMS = [
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
]


def needed_crates(bridge: Path) -> set[str]:
    """Vendor directory names (name-version) of every crate some supported platform builds."""
    needed = set()
    for platform in PLATFORMS:
        metadata = json.loads(subprocess.run(
            ["cargo", "metadata", "--locked", "--offline", "--format-version", "1", "--filter-platform", platform],
            cwd=bridge, check=True, capture_output=True, text=True).stdout)
        versions = {package["id"]: f"{package['name']}-{package['version']}" for package in metadata["packages"]}
        needed.update(versions[node["id"]] for node in metadata["resolve"]["nodes"])
    return needed


def target_paths(manifest: dict) -> set[str]:
    """Every source file the manifest names: Cargo fails to load a package whose declared target is missing."""
    paths = {manifest.get("lib", {}).get("path", "src/lib.rs")}
    build = manifest.get("package", {}).get("build")
    if isinstance(build, str):
        paths.add(build)
    for kind in ("bin", "example", "test", "bench"):
        paths.update(target["path"] for target in manifest.get(kind, []) if "path" in target)
    return paths


def stub(crate: Path) -> None:
    manifest_text = (crate / "Cargo.toml").read_text()
    checksum = json.loads((crate / ".cargo-checksum.json").read_text())
    shutil.rmtree(crate)
    crate.mkdir()
    (crate / "Cargo.toml").write_text(manifest_text)
    for path in target_paths(tomllib.loads(manifest_text)):
        source = crate / path
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("// Emptied by php-temporal's dist: no supported platform builds this crate.\n")
    (crate / ".cargo-checksum.json").write_text(json.dumps({"files": {}, "package": checksum.get("package")}))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    bridge, vendor = Path(sys.argv[1]), Path(sys.argv[2])
    needed = needed_crates(bridge)
    emptied = [crate for crate in sorted(vendor.iterdir()) if crate.is_dir() and crate.name not in needed]
    for crate in emptied:
        stub(crate)
    print(f"trim-vendor: kept {len(needed)} crates, emptied {len(emptied)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

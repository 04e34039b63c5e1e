//! Generates the C header from the `extern "C"` items and fails the build if the committed copy drifted.
//! `TB_BLESS_HEADER=1 cargo build` rewrites `include/temporal_bridge.h` instead.

use std::{env, fs, path::PathBuf};

fn main() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let committed = crate_dir.join("include/temporal_bridge.h");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed={}", committed.display());
    println!("cargo:rerun-if-env-changed=TB_BLESS_HEADER");

    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml parses");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen can read bridge/src")
        .write(&mut generated);

    let current = fs::read(&committed).unwrap_or_default();
    if current == generated {
        return;
    }
    if env::var_os("TB_BLESS_HEADER").is_some() {
        fs::write(&committed, &generated).expect("include/temporal_bridge.h is writable");
        return;
    }
    panic!(
        "bridge/include/temporal_bridge.h is out of date with bridge/src; \
         regenerate it with `make bridge-header` and commit it"
    );
}

//! Link the `caucus` binary as a position-dependent executable on Linux.
//!
//! A position-independent executable has the dynamic loader patch every pointer in
//! its read-only data at start-up: 65,581 relocations for caucus, about 3 ms of
//! every run, more than a rare-word search takes. Linked at a fixed address, the
//! loader has three left to do (`LD_DEBUG=statistics caucus --version`).
//! `BENCHMARKS.md` ("Stop 21", item 1) has the figures.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        // Only the binaries: the library and the tests link as cargo decides.
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

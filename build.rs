//! Sets `cfg(shared)` when the team's material (`../shared`: the sample report, the devset,
//! Duckling's examples) is beside the project, and `cfg(browser)` when a Chromium to run the
//! review page's browser tests is installed (`chromium` or `chromium-browser` on the PATH, or
//! the program `CHROMIUM` names), so that the tests needing them run there and are marked
//! ignored elsewhere instead of passing without checking anything. `.ci/run` installs
//! Chromium, so CI always runs them.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared)");
    println!("cargo::rustc-check-cfg=cfg(browser)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../shared/SPEC.md");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    println!("cargo::rerun-if-env-changed=PATH");
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    if Path::new(&dir).join("../shared/SPEC.md").is_file() {
        println!("cargo::rustc-cfg=shared");
    }
    if let Some(chromium) = chromium() {
        println!("cargo::rustc-cfg=browser");
        println!("cargo::rustc-env=VNFACTS_CHROMIUM={}", chromium.display());
    }
}

/// The Chromium program: `CHROMIUM`, else the first of `chromium` and `chromium-browser` on
/// the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

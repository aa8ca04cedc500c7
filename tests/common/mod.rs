//! What the integration tests share: the command, temporary folders, the corpus, the material
//! of `../shared` and the check that a document's facts tell the truth about its text.
//!
//! Each test file takes what it needs (`mod common;`), so some helpers go unused in some.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use vnfacts::{extract, Options};

/// The `vnfacts` binary of this build.
pub fn vnfacts() -> Command {
    Command::cargo_bin("vnfacts").unwrap()
}

/// A new empty folder, removed when the value is dropped.
pub fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("vnfacts-test-")
        .tempdir()
        .unwrap()
}

/// Output of one JSON value a line, parsed.
pub fn json_lines(out: &[u8]) -> Vec<Json> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// This project's folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The sample reports of `corpus/`, sorted by name.
pub fn corpus_paths() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The texts of `corpus/`, in the order of [`corpus_paths`].
pub fn corpus_texts() -> Vec<String> {
    corpus_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// A path inside `../shared` (the team's material beside the project). Tests that read it are
/// marked `#[cfg_attr(not(shared), ignore = "needs ../shared")]`: `build.rs` sets `shared`
/// when the folder is there.
pub fn shared(path: &str) -> PathBuf {
    root().join("../shared").join(path)
}

/// The facts of `text`, after checking that each one's text is the input between its offsets
/// and that every number is finite.
pub fn calm(text: &str) -> vnfacts::Document {
    let doc = extract(text, &Options::default());
    let chars: Vec<char> = text.chars().collect();
    for f in &doc.facts {
        assert!(f.start < f.end && f.end <= chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        if let Some(v) = f.number() {
            assert!(v.to_f64().is_finite());
        }
    }
    doc
}

//! What a published package holds: everything the binary embeds or builds
//! from, so `cargo install --locked aggrego` builds the same binary.

use crate::common;
use std::collections::BTreeSet;

#[test]
fn the_package_holds_what_the_binary_embeds() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(common::root())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: BTreeSet<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let root = common::root();
    let mut needed = vec!["build.rs".to_string(), "Cargo.lock".to_string()];
    // The built-in policies (build.rs embeds every one).
    for e in walkdir::WalkDir::new(root.join("policies"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(&root).unwrap();
            needed.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    // Every file an `include_str!` or `include_bytes!` of the sources names.
    let include = regex::Regex::new(r#"include_(?:str|bytes)!\("([^"]+)"\)"#).unwrap();
    for e in walkdir::WalkDir::new(root.join("src"))
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            for c in include.captures_iter(&text) {
                let file = e.path().parent().unwrap().join(&c[1]);
                let file = file.canonicalize().unwrap();
                let rel = file.strip_prefix(root.canonicalize().unwrap()).unwrap();
                needed.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let missing: Vec<&String> = needed.iter().filter(|n| !listed.contains(*n)).collect();
    assert!(missing.is_empty(), "not in the package: {missing:?}");
    assert!(
        !listed
            .iter()
            .any(|f| f.starts_with("fixtures/") || f.starts_with("corpus/")),
        "test data in the package"
    );
}

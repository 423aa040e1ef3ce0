//! Embeds every policy of `policies/` (adding a built-in rule is adding a
//! file: no list to update), and turns their METADATA into JSON at build time:
//! a scan then reads it with serde_json instead of parsing YAML on every start
//! (it was most of the start-up of a scan with nothing to check). A test holds
//! the JSON to what the YAML parses to at run time.

// Shared with the crate, where its items are public.
#[allow(unreachable_pub, dead_code)]
#[path = "src/policy/metadata_block.rs"]
mod metadata_block;

use saphyr::LoadableYamlNode;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("policies")
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rego"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let mut sources = String::from(
        "/// The built-in catalogue: every policy of `policies/`, by file name (made by build.rs).\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            let full = std::path::Path::new(&root).join(path);
            sources.push_str(&format!(
                "    ({name:?}, include_str!({:?})),\n",
                full.to_string_lossy()
            ));
        }
    }
    sources.push_str("];\n");
    let mut out = String::from(
        "/// METADATA of the built-in policies as JSON, by file name (made by build.rs).\npub const BUILTIN_METADATA: &[(&str, &str)] = &[\n",
    );
    for path in files {
        let (Some(name), Ok(source)) = (
            path.file_name().and_then(|n| n.to_str()),
            std::fs::read_to_string(&path),
        ) else {
            continue;
        };
        // A block that does not convert is left to the run-time parser, which
        // reports it with its location.
        let json = metadata_block::block(&source)
            .and_then(|(_, yaml)| saphyr::Yaml::load_from_str(&yaml).ok())
            .and_then(|docs| {
                docs.first()
                    .and_then(|d| metadata_block::yaml_to_json(d).ok())
            });
        if let Some(json) = json {
            out.push_str(&format!("    ({name:?}, {:?}),\n", json.to_string()));
        }
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let dir = std::path::Path::new(&dir);
    if let Err(e) = std::fs::write(dir.join("builtin_metadata.rs"), out) {
        println!("cargo:warning=cannot write the built-in metadata: {e}");
    }
    if let Err(e) = std::fs::write(dir.join("builtin_policies.rs"), sources) {
        println!("cargo:warning=cannot write the built-in policies: {e}");
    }
}

//! The policies a command runs: the built-in catalogue, `--policy` files and
//! folders, `--data` documents, checked together before anything is scanned.

use crate::diag::Diagnostic;
use crate::policy::engine::Extras;
use crate::policy::{self, Module, Policy};
use saphyr::LoadableYamlNode;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Default)]
pub struct PolicySet {
    pub policies: Vec<Policy>,
    pub extras: Extras,
    /// `*_test.rego` modules found under `--policy` paths.
    pub tests: Vec<Module>,
}

pub struct Request<'a> {
    pub policy_paths: &'a [PathBuf],
    pub data_paths: &'a [PathBuf],
    pub builtin: bool,
    pub timeout: Duration,
}

/// Load and check everything; every problem is reported, not just the first.
pub fn load(req: &Request<'_>) -> Result<PolicySet, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut policies = if req.builtin {
        policy::builtin_policies().map_err(|e| vec![e])?
    } else {
        Vec::new()
    };
    let (user, mut user_errors) = policy::load_user(req.policy_paths);
    errors.append(&mut user_errors);

    // Ids are unique across built-ins, aggrego's own rules and user policies.
    let mut owner: BTreeMap<String, String> = policies
        .iter()
        .map(|p| (p.id().to_ascii_uppercase(), p.path.clone()))
        .collect();
    for r in crate::policy::catalog::own_rules() {
        owner.insert(r.id.to_ascii_uppercase(), "aggrego's own rules".into());
    }
    for p in user.policies {
        match owner.get(&p.id().to_ascii_uppercase()) {
            Some(other) => errors.push(Diagnostic::whole(
                &p.path,
                format!(
                    "policy id {} is already used by {other}: give this policy its own custom.id",
                    p.id()
                ),
            )),
            None => {
                owner.insert(p.id().to_ascii_uppercase(), p.path.clone());
                policies.push(p);
            }
        }
    }
    if policies.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::whole(
            "--no-builtin",
            "no policy to run: give --policy PATH with at least one policy",
        ));
    }
    let mut data = Vec::new();
    let mut data_paths: Vec<PathBuf> = user.data_files.clone();
    data_paths.extend(req.data_paths.iter().cloned());
    data_paths.sort();
    data_paths.dedup();
    for path in &data_paths {
        match load_data(path) {
            Ok(d) => data.push(d),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PolicySet {
        policies,
        extras: Extras {
            libraries: user.libraries,
            data,
            timeout: req.timeout,
        },
        tests: user.tests,
    })
}

/// A `--data` document (JSON or YAML), an object merged under `data.`.
pub fn load_data(path: &std::path::Path) -> Result<(String, regorus::Value), Diagnostic> {
    let shown = crate::load::source::display_path(path);
    // Named by the user, or found in a policy folder and checked there.
    let text = crate::load::open::read(path, crate::load::open::Trust::Named)
        .map_err(|e| e.to_string())
        .and_then(|b| crate::load::source::decode(b).map_err(|e| e.message))
        .map_err(|e| Diagnostic::whole(&shown, format!("cannot read: {e}")))?;
    let yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let json: serde_json::Value = if yaml {
        crate::input::yaml::yaml_depth_ok(&text, 256)
            .map_err(|(_, e)| Diagnostic::whole(&shown, format!("invalid YAML: {e}")))?;
        let docs = saphyr::Yaml::load_from_str(&text).map_err(|e| {
            Diagnostic::whole(
                &format!("{shown}:{}:{}", e.marker().line(), e.marker().col() + 1),
                format!("invalid YAML: {}", e.info()),
            )
        })?;
        match docs.first() {
            Some(d) => crate::policy::metadata_block::yaml_to_json(d)
                .map_err(|e| Diagnostic::whole(&shown, format!("invalid data: {e}")))?,
            None => serde_json::Value::Object(Default::default()),
        }
    } else {
        serde_json::from_str(&text).map_err(|e| {
            Diagnostic::whole(
                &format!("{shown}:{}:{}", e.line(), e.column()),
                format!("invalid JSON: {e}"),
            )
        })?
    };
    let serde_json::Value::Object(map) = &json else {
        return Err(Diagnostic::whole(
            &shown,
            "data must be an object; its keys become data.<key> in policies",
        ));
    };
    if map.contains_key("aggrego") {
        return Err(Diagnostic::whole(
            &shown,
            "the key `aggrego` is reserved for aggrego's own packages (data.aggrego.lib)",
        ));
    }
    let value = regorus::Value::from_json_str(&json.to_string())
        .map_err(|e| Diagnostic::whole(&shown, format!("invalid data: {e}")))?;
    Ok((shown, value))
}

/// The policy set a scan configuration names.
pub fn of_config(c: &crate::config::ScanConfig) -> Result<PolicySet, Vec<Diagnostic>> {
    load(&Request {
        policy_paths: &c.policy,
        data_paths: &c.data,
        builtin: !c.no_builtin,
        timeout: c.policy_timeout,
    })
}

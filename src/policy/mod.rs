//! Policies: the Rego files embedded in the binary, and their METADATA blocks.
//!
//! regorus does not read OPA's `# METADATA` comments, so they are parsed here
//! and validated strictly: a policy with a missing or unknown field is refused.

pub mod bounded;
pub mod catalog;
pub mod engine;
pub mod format;
pub mod framework;
pub mod metadata_block;
pub mod policyset;
pub mod time;

use crate::diag::Diagnostic;
use crate::load::open::Trust;
use crate::model::finding::Severity;
use crate::policy::metadata_block::yaml_to_json;
use saphyr::{LoadableYamlNode, Yaml};
use serde::{Deserialize, Serialize};

/// A policy file: source text, where it came from, and its validated metadata.
#[derive(Debug, Clone)]
pub struct Policy {
    /// `builtin/AGG001_source_not_succeeded.rego`, or the user's path.
    pub path: String,
    pub source: String,
    pub meta: Metadata,
    pub builtin: bool,
    /// Parsed as Rego v0 (the file says `# aggrego: rego.v0`).
    pub rego_v0: bool,
}

/// A Rego file that is not a policy: helpers a policy imports, or `test_*` rules.
#[derive(Debug, Clone)]
pub struct Module {
    pub path: String,
    pub source: String,
    pub rego_v0: bool,
}

/// What `--policy PATH…` found.
#[derive(Debug, Default)]
pub struct UserFiles {
    pub policies: Vec<Policy>,
    /// Files without METADATA and without `deny`: imported helpers.
    pub libraries: Vec<Module>,
    /// `*_test.rego` files, for `aggrego test`.
    pub tests: Vec<Module>,
    /// `data.json` / `data.yaml` files found in policy folders, as `opa test` reads them.
    pub data_files: Vec<std::path::PathBuf>,
}

/// Files in a policy folder merged under `data.` like `--data`.
pub const DATA_FILES: &[&str] = &["data.json", "data.yaml", "data.yml"];

/// The marker that makes aggrego parse a file as Rego v0.
pub const REGO_V0_MARKER: &str = "# aggrego: rego.v0";

pub fn is_rego_v0(source: &str) -> bool {
    source.lines().any(|l| l.trim() == REGO_V0_MARKER)
}

/// The files a policy folder contributes: `.rego` files and data files, in
/// sorted order, hidden entries skipped.
pub fn folder_files(root: &std::path::Path) -> (Vec<std::path::PathBuf>, Vec<Diagnostic>) {
    let shown = crate::load::source::display_path(root);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        match entry {
            Ok(e) if e.file_type().is_file() || e.file_type().is_symlink() => {
                let rego = e.path().extension().and_then(|x| x.to_str()) == Some("rego");
                if !(rego || DATA_FILES.contains(&&*e.file_name().to_string_lossy())) {
                    continue;
                }
                // A link is followed only to a file inside the policy folder.
                if e.file_type().is_symlink() {
                    let within = Trust::Within(root, crate::load::open::Root::PolicyFolder);
                    if let Err(err) = crate::load::open::check(e.path(), within) {
                        errors.push(Diagnostic::whole(
                            &crate::load::source::display_path(e.path()),
                            err.to_string(),
                        ));
                        continue;
                    }
                }
                files.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) => errors.push(Diagnostic::whole(
                &e.path()
                    .map_or(shown.clone(), crate::load::source::display_path),
                format!("cannot read: {e}"),
            )),
        }
    }
    (files, errors)
}

/// Read user policies from files and folders (recursively, sorted). Every
/// problem is a located error; the other files still load.
pub fn load_user(paths: &[std::path::PathBuf]) -> (UserFiles, Vec<Diagnostic>) {
    let mut out = UserFiles::default();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for root in paths {
        let shown = crate::load::source::display_path(root);
        if root.is_file() {
            if root.extension().and_then(|e| e.to_str()) != Some("rego") {
                errors.push(Diagnostic::whole(&shown, "a policy file must end in .rego"));
            } else {
                files.push(root.clone());
            }
            continue;
        }
        if !root.is_dir() {
            errors.push(Diagnostic::whole(&shown, "no such policy file or folder"));
            continue;
        }
        let (found, errs) = folder_files(root);
        errors.extend(errs);
        for f in found {
            let is_data = f
                .file_name()
                .is_some_and(|n| DATA_FILES.contains(&&*n.to_string_lossy()));
            if is_data {
                out.data_files.push(f);
            } else {
                files.push(f);
            }
        }
    }
    files.sort();
    files.dedup();
    // Made only when there are files to check (it costs a scan's start-up otherwise).
    let deny_rule = (!files.is_empty())
        .then(|| regex::Regex::new(r"(?m)^\s*deny\b").ok())
        .flatten();
    for file in files {
        let path = crate::load::source::display_path(&file);
        // Named by the user, or found in a policy folder and checked there.
        let source = match crate::load::open::read(&file, crate::load::open::Trust::Named)
            .map_err(|e| e.to_string())
            .and_then(|b| crate::load::source::decode(b).map_err(|e| e.message))
        {
            Ok(s) => s,
            Err(e) => {
                errors.push(Diagnostic::whole(&path, format!("cannot read: {e}")));
                continue;
            }
        };
        let rego_v0 = is_rego_v0(&source);
        if let Some(e) = reserved_package(&path, &source, rego_v0) {
            errors.push(e);
            continue;
        }
        let module = |source: String| Module {
            path: path.clone(),
            source,
            rego_v0,
        };
        if path.ends_with("_test.rego") {
            out.tests.push(module(source));
        } else if source.lines().any(|l| l.trim() == "# METADATA") {
            match Policy::load(&path, source, false) {
                Ok(mut p) => {
                    p.rego_v0 = rego_v0;
                    out.policies.push(p);
                }
                Err(e) => errors.push(e),
            }
        } else if deny_rule.as_ref().is_some_and(|r| r.is_match(&source)) {
            errors.push(located(
                &path,
                &source,
                source.find("deny").unwrap_or(0),
                "defines `deny` but has no `# METADATA` block: a policy needs one above `package` (id, severity, title, remediation, inputs)",
            ));
        } else {
            out.libraries.push(module(source));
        }
    }
    (out, errors)
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub related_resources: Vec<RelatedResource>,
    #[serde(default, skip_serializing)]
    pub scope: Option<String>,
    pub custom: Custom,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RelatedResource {
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    pub id: String,
    pub severity: Severity,
    pub remediation: String,
    pub inputs: Vec<String>,
    /// Other catalogues' names for the same check (`conformity: Config-006`),
    /// or a plain list of references.
    #[serde(default)]
    pub references: References,
    /// Controls of published frameworks the check supports, each with its citation.
    #[serde(default)]
    pub frameworks: Vec<framework::Framework>,
    /// The input collection whose items the policy checks, one by one: JUnit
    /// reports a test case per item, passes included.
    #[serde(default)]
    pub checks: Checks,
    /// Each finding depends on one item of `checks` alone (and on
    /// `input.settings`): aggrego may then evaluate the policy over parts of
    /// that collection in parallel, never holding all of it as Rego values.
    #[serde(default, skip_serializing)]
    pub per_item: bool,
    /// With `per_item`: conditions every reported item satisfies, the policy's
    /// own first tests (`status != SUCCEEDED`, `organization_source != null`);
    /// items that fail one are never evaluated, at any input size. See
    /// [`crate::encode::Condition`] and [`crate::encode::AggregatorCondition`].
    #[serde(default, rename = "where", skip_serializing)]
    pub conditions: Vec<String>,
}

/// A policy's references to other catalogues: by catalogue name, or a list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum References {
    Named(std::collections::BTreeMap<String, String>),
    Listed(Vec<String>),
}

impl Default for References {
    fn default() -> Self {
        References::Named(Default::default())
    }
}

impl References {
    /// The references, in order.
    pub fn values(&self) -> Vec<String> {
        match self {
            References::Named(m) => m.values().cloned().collect(),
            References::Listed(l) => l.clone(),
        }
    }

    /// Each reference with its catalogue's name, when it has one.
    pub fn pairs(&self) -> Vec<(Option<String>, String)> {
        match self {
            References::Named(m) => m
                .iter()
                .map(|(k, v)| (Some(k.clone()), v.clone()))
                .collect(),
            References::Listed(l) => l.iter().map(|v| (None, v.clone())).collect(),
        }
    }
}

/// Collections of the input model a policy can check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Checks {
    #[default]
    Aggregators,
    SourceStatuses,
    RegionListings,
    Snapshots,
    /// Definitions recognised but not checked (`input.unchecked`).
    Unchecked,
}

impl Checks {
    pub fn as_str(self) -> &'static str {
        match self {
            Checks::Aggregators => "aggregators",
            Checks::SourceStatuses => "source_statuses",
            Checks::RegionListings => "region_listings",
            Checks::Snapshots => "snapshots",
            Checks::Unchecked => "unchecked",
        }
    }
}

/// Input kinds a policy may declare.
pub const INPUT_KINDS: &[&str] = &["aws-cli", "cloudformation", "terraform", "terraform-plan"];

include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));
include!(concat!(env!("OUT_DIR"), "/builtin_metadata.rs"));

/// A built-in policy's METADATA from the JSON made at build time, when it is
/// there and valid (else the YAML is parsed, and any problem reported).
fn builtin_metadata(path: &str) -> Option<Metadata> {
    let name = path.rsplit('/').next()?;
    let (_, json) = BUILTIN_METADATA.iter().find(|(n, _)| *n == name)?;
    let meta: Metadata = serde_json::from_str(json).ok()?;
    validate(&meta).ok()?;
    framework::check(&meta.custom.frameworks).ok()?;
    Some(meta)
}

/// Shared helpers, imported by policies as `data.aggrego.lib`.
pub const BUILTIN_LIB: &[(&str, &str)] = &[(
    "lib/aggrego.rego",
    include_str!("../../policies/lib/aggrego.rego"),
)];

impl Policy {
    /// The SHA-256 of its source text, as reports and evidence packages record it.
    pub fn sha256(&self) -> String {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(self.source.as_bytes()))
    }

    pub fn load(path: &str, source: String, builtin: bool) -> Result<Policy, Diagnostic> {
        let meta = match builtin.then(|| builtin_metadata(path)).flatten() {
            Some(meta) => meta,
            None => parse_metadata(path, &source)?,
        };
        if !builtin {
            user_metadata_ok(path, &source, &meta)?;
        }
        Ok(Policy {
            path: path.to_string(),
            source,
            meta,
            builtin,
            rego_v0: false,
        })
    }

    pub fn id(&self) -> &str {
        &self.meta.custom.id
    }

    /// Reference names and URLs, as reports list them.
    pub fn references(&self) -> Vec<String> {
        let mut out: Vec<String> = self.meta.custom.references.values();
        out.extend(
            self.meta
                .related_resources
                .iter()
                .map(|r| r.reference.clone()),
        );
        out
    }
}

pub fn builtin_policies() -> Result<Vec<Policy>, Diagnostic> {
    BUILTIN
        .iter()
        .map(|(file, src)| Policy::load(&format!("builtin/{file}"), src.to_string(), true))
        .collect()
}

/// Find the `# METADATA` comment block above `package` and validate it.
pub fn parse_metadata(path: &str, source: &str) -> Result<Metadata, Diagnostic> {
    let Some((start, yaml)) = crate::policy::metadata_block::block(source) else {
        return Err(located(
            path,
            source,
            0,
            "no `# METADATA` block: every policy needs one above `package`",
        ));
    };
    crate::input::yaml::yaml_depth_ok(&yaml, 64)
        .map_err(|(_, e)| located(path, source, start, &format!("METADATA: {e}")))?;
    let docs = Yaml::load_from_str(&yaml).map_err(|e| {
        located(
            path,
            source,
            start,
            &format!("METADATA is not valid YAML: {e}"),
        )
    })?;
    let Some(doc) = docs.first() else {
        return Err(located(path, source, start, "METADATA block is empty"));
    };
    let json =
        yaml_to_json(doc).map_err(|e| located(path, source, start, &format!("METADATA: {e}")))?;
    let meta: Metadata = serde_path_to_error::deserialize(json).map_err(|e| {
        // The field, and where it is written: its line in the comment block.
        let field = e.path().to_string();
        let at = field_offset(source, start, &yaml, &field).unwrap_or(start);
        let why = e.into_inner().to_string();
        let message = match field.as_str() {
            "." | "" => format!("METADATA: {why}"),
            f => format!("METADATA {f}: {}", expected(f, &why)),
        };
        located(path, source, at, &message)
    })?;
    validate(&meta).map_err(|e| located(path, source, start, &format!("METADATA: {e}")))?;
    framework::check(&meta.custom.frameworks).map_err(|(field, why)| {
        let at = field_offset(source, start, &yaml, &field).unwrap_or(start);
        located(path, source, at, &format!("METADATA {field}: {why}"))
    })?;
    Ok(meta)
}

/// `per_item` and `where` let aggrego evaluate a policy over parts of a
/// collection, which is right only when the Rego really depends on one item at
/// a time and makes the `where` tests itself. aggrego holds its built-in
/// policies to that with tests; a user policy is always evaluated over the
/// whole input, so its results never depend on the input's size, and the two
/// keys are refused at their line rather than ignored.
fn user_metadata_ok(path: &str, source: &str, meta: &Metadata) -> Result<(), Diagnostic> {
    let field = if meta.custom.per_item {
        "custom.per_item"
    } else if !meta.custom.conditions.is_empty() {
        "custom.where"
    } else {
        return Ok(());
    };
    let at = crate::policy::metadata_block::block(source)
        .and_then(|(start, yaml)| field_offset(source, start, &yaml, field))
        .unwrap_or(0);
    Err(located(
        path,
        source,
        at,
        &format!(
            "METADATA {field}: reserved for built-in policies; aggrego evaluates your policy \
             over the whole input, so its results never depend on the input's size: remove the key"
        ),
    ))
}

/// What a field must hold, in words, where serde's message is terse.
fn expected(field: &str, why: &str) -> String {
    match field {
        "custom.references" => {
            "expected a map of catalogue names to ids (`conformity: Config-006`) or a list of strings"
                .into()
        }
        "custom.frameworks" => format!(
            "{why}; expected a list of {{framework, control, title (optional), citation}}"
        ),
        _ => why.to_string(),
    }
}

/// The byte offset in `source` of a METADATA field (`custom.references`,
/// `custom.inputs[2]`): found in the block's YAML with its marks, and mapped
/// back to the comment line it is written on.
fn field_offset(source: &str, start: usize, yaml: &str, field: &str) -> Option<usize> {
    use saphyr::{LoadableYamlNode, MarkedYaml, YamlData};
    let docs = MarkedYaml::load_from_str(yaml).ok()?;
    let mut node = docs.first()?;
    for part in field.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        if let YamlData::Mapping(m) = &node.data {
            node = m
                .iter()
                .find(|(k, _)| matches!(&k.data, YamlData::Value(saphyr::Scalar::String(s)) if s == key))
                .map(|(_, v)| v)?;
        } else {
            return None;
        }
        if let (Some(i), YamlData::Sequence(items)) = (index, &node.data) {
            node = items.get(i)?;
        }
    }
    // The YAML's line n is the n-th comment line after `# METADATA`.
    let (yline, ycol) = (node.span.start.line(), node.span.start.col());
    let mut offset = start;
    let mut lines = source[start..].split_inclusive('\n');
    let header = lines.next()?;
    offset += header.len();
    for _ in 1..yline {
        offset += lines.next()?.len();
    }
    let line = &source[offset..];
    // The comment mark and the one space after it are not part of the YAML.
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let mark = rest.len() - rest.trim_start_matches('#').len();
    let space = usize::from(rest[mark..].starts_with(' '));
    // The YAML's column counts characters: walk them, so the offset is a
    // character's own even after non-ASCII text.
    let yaml_line = &rest[mark + space..];
    let col = yaml_line
        .char_indices()
        .nth(ycol)
        .map_or(yaml_line.len(), |(i, _)| i);
    Some(offset + lead + mark + space + col)
}

fn validate(meta: &Metadata) -> Result<(), String> {
    let id = &meta.custom.id;
    let valid_id = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    if !valid_id {
        return Err(format!(
            "custom.id `{id}` must be letters, digits, `_`, `-` or `.`"
        ));
    }
    if meta.title.trim().is_empty() || meta.custom.remediation.trim().is_empty() {
        return Err("title and custom.remediation must not be empty".into());
    }
    if meta.custom.inputs.is_empty() {
        return Err("custom.inputs must name at least one input kind".into());
    }
    for k in &meta.custom.inputs {
        if !INPUT_KINDS.contains(&k.as_str()) {
            return Err(format!(
                "custom.inputs: unknown input kind `{k}` (expected one of {})",
                INPUT_KINDS.join(", ")
            ));
        }
    }
    let checks = meta.custom.checks;
    let parted =
        meta.custom.per_item && matches!(checks, Checks::SourceStatuses | Checks::Aggregators);
    if !meta.custom.conditions.is_empty() && !parted {
        return Err(
            "custom.where needs per_item: true and checks: source_statuses or aggregators".into(),
        );
    }
    for c in &meta.custom.conditions {
        match checks {
            Checks::Aggregators => crate::encode::AggregatorCondition::parse(c).map(|_| ()),
            _ => crate::encode::Condition::parse(c).map(|_| ()),
        }
        .map_err(|e| format!("custom.where: {e}"))?;
    }
    Ok(())
}

/// The package every built-in policy and helper lives under (`data.aggrego.*`).
const BUILTIN_NAMESPACE: &str = "data.aggrego";

/// A user module declaring a package under the built-ins' namespace would add
/// rules to (or conflict with) the built-in policies and their helpers: it is
/// refused, located at its `package` line. The package is read by regorus, so
/// every spelling (`data.aggrego.x`, `aggrego["x"]`) is caught; a module that
/// does not parse is left to the engine, which reports it located.
fn reserved_package(path: &str, source: &str, rego_v0: bool) -> Option<Diagnostic> {
    let mut engine = regorus::Engine::new();
    engine.set_rego_v0(rego_v0);
    let package = engine
        .add_policy(path.to_string(), source.to_string())
        .ok()?;
    let rest = package.strip_prefix(BUILTIN_NAMESPACE)?;
    if !(rest.is_empty() || rest.starts_with(['.', '['])) {
        return None;
    }
    let shown = package.strip_prefix("data.").unwrap_or(&package);
    let at = regex::Regex::new(r"(?m)^[ \t]*package\b")
        .ok()
        .and_then(|r| r.find(source))
        .map_or(0, |m| m.start() + m.as_str().len() - "package".len());
    Some(located(
        path,
        source,
        at,
        &format!(
            "package `{shown}` is in the namespace of aggrego's built-in policies (`aggrego.*`): choose another package name"
        ),
    ))
}

fn located(path: &str, source: &str, offset: usize, message: &str) -> Diagnostic {
    let (line, col) = line_col(source, offset);
    let text = source.lines().nth(line - 1).unwrap_or("");
    let width = line.to_string().len();
    let snippet = format!(
        "{:width$} |\n{line} | {text}\n{:width$} | {:>col$}",
        "", "", "^"
    );
    Diagnostic::text(path, line, col, snippet, message)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The METADATA made into JSON at build time is what its YAML parses to,
    /// for every built-in policy.
    #[test]
    fn builtin_metadata_as_its_yaml() {
        assert_eq!(BUILTIN_METADATA.len(), BUILTIN.len());
        for (file, source) in BUILTIN {
            let path = format!("builtin/{file}");
            let from_yaml = parse_metadata(&path, source).unwrap();
            assert_eq!(builtin_metadata(&path), Some(from_yaml), "{file}");
        }
    }

    #[test]
    fn builtins_load() {
        let p = builtin_policies().unwrap();
        assert!(p.iter().any(|p| p.id() == "AGG001"));
    }

    #[test]
    fn every_policy_file_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".rego"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = BUILTIN.iter().map(|(f, _)| f.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn per_item_conditions_are_checked() {
        let ok = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X1\n#   severity: low\n#   remediation: R\n#   inputs: [aws-cli]\n#   checks: source_statuses\n#   per_item: true\n#   where: [\"status != SUCCEEDED\", \"age_ns > settings.max_age_ns\"]\npackage x\n";
        let meta = parse_metadata("p.rego", ok).unwrap();
        assert!(meta.custom.per_item);
        assert_eq!(meta.custom.conditions.len(), 2);
        let bad_field = ok.replace("status != SUCCEEDED", "subject != x");
        let e = parse_metadata("p.rego", &bad_field).unwrap_err();
        assert!(e.message.contains("custom.where"), "{}", e.message);
        let not_per_item = ok.replace("#   per_item: true\n", "");
        let e = parse_metadata("p.rego", &not_per_item).unwrap_err();
        assert!(e.message.contains("needs per_item"), "{}", e.message);
    }

    #[test]
    fn aggregator_conditions_and_listed_references() {
        let ok = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X1\n#   severity: low\n#   remediation: R\n#   inputs: [terraform]\n#   per_item: true\n#   where: [\"organization_source != null\", \"unresolved != []\"]\n#   references:\n#     - CIS 3.1\n#     - https://example.com/x\npackage x\n";
        let meta = parse_metadata("p.rego", ok).unwrap();
        assert_eq!(meta.custom.conditions.len(), 2);
        assert_eq!(
            meta.custom.references.values(),
            ["CIS 3.1", "https://example.com/x"]
        );
        let e =
            parse_metadata("p.rego", &ok.replace("unresolved != []", "status != x")).unwrap_err();
        assert!(e.message.contains("custom.where"), "{}", e.message);
        // A field of the wrong type is named, at its own line.
        let bad = ok.replace(
            "#   references:\n#     - CIS 3.1\n#     - https://example.com/x\n",
            "#   references: 5\n",
        );
        let e = parse_metadata("p.rego", &bad).unwrap_err();
        assert!(
            matches!(
                e.origin,
                crate::diag::Origin::Text {
                    line: 11,
                    column: 17,
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(
            e.message
                .contains("METADATA custom.references: expected a map"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_and_missing_fields_are_refused() {
        let ok = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X1\n#   severity: low\n#   remediation: R\n#   inputs: [aws-cli]\npackage x\n";
        assert!(parse_metadata("p.rego", ok).is_ok());
        let unknown = ok.replace("#   id: X1", "#   id: X1\n#   colour: red");
        let e = parse_metadata("p.rego", &unknown).unwrap_err();
        assert!(
            e.message.contains("unknown field `colour`"),
            "{}",
            e.message
        );
        let missing = ok.replace("#   severity: low\n", "");
        let e = parse_metadata("p.rego", &missing).unwrap_err();
        assert!(
            e.message.contains("missing field `severity`"),
            "{}",
            e.message
        );
        let bad_sev = ok.replace("severity: low", "severity: urgent");
        assert!(parse_metadata("p.rego", &bad_sev).is_err());
        let bad_kind = ok.replace("[aws-cli]", "[pulumi]");
        assert!(parse_metadata("p.rego", &bad_kind).is_err());
        assert!(parse_metadata("p.rego", "package x\n").is_err());
    }
}

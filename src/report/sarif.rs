//! `--format sarif`: SARIF 2.1.0 for code scanning. One run; a rule per policy
//! that ran; results located by repository-relative path and character columns;
//! fingerprints that survive line moves; errors as tool notifications.

use crate::model::finding::{Finding, Severity};
use crate::policy::catalog::{Rule, INFORMATION_URI};
use crate::scan::ScanResult;
use serde::ser::SerializeSeq;
use serde::Serialize;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, Result,
    ResultLevel, Suppression, Tool, ToolComponent,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key GitHub reads for result tracking across commits.
const FINGERPRINT: &str = "aggregoFinding/v1";

pub fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low | Severity::Info => ResultLevel::Note,
    }
}

/// GitHub's `security-severity`: critical ≥ 9, high 7–8.9, medium 4–6.9, low < 4.
fn security_severity(s: Severity) -> Option<&'static str> {
    match s {
        Severity::Critical => Some("9.5"),
        Severity::High => Some("8.0"),
        Severity::Medium => Some("5.5"),
        Severity::Low => Some("3.0"),
        Severity::Info => None,
    }
}

/// At most `max` characters, cut on a character boundary with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn level_str(s: Severity) -> &'static str {
    match level(s) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        _ => "note",
    }
}

fn rule_descriptor(r: &Rule) -> ReportingDescriptor {
    let mut tags = vec!["security".to_string(), "aws".into(), "aws-config".into()];
    tags.extend(r.inputs.iter().cloned());
    let mut props = BTreeMap::new();
    // GitHub treats any `security-severity` as a security alert; info rules have none.
    if let Some(sev) = security_severity(r.severity) {
        props.insert("security-severity".to_string(), json!(sev));
    }
    props.insert("severity".to_string(), json!(r.severity.as_str()));
    let refs: Vec<String> = r
        .references
        .iter()
        .map(|x| match &x.catalogue {
            Some(c) => format!("{c}: {}", x.reference),
            None => x.reference.clone(),
        })
        .collect();
    let list = refs
        .iter()
        .map(|x| format!("- {x}"))
        .collect::<Vec<_>>()
        .join("\n");
    let help_text = format!(
        "{}\n\nRemediation: {}\n\nReferences:\n{list}",
        r.description, r.remediation
    );
    let help_md = format!(
        "{}\n\n**Remediation:** {}\n\n**References:**\n{list}",
        r.description, r.remediation
    );
    ReportingDescriptor::builder()
        .id(r.id.to_string())
        .name(r.name.clone())
        .short_description(
            MultiformatMessageString::builder()
                .text(truncate(&r.title, DESCRIPTION_MAX))
                .build(),
        )
        // The whole text is in `help`.
        .full_description(
            MultiformatMessageString::builder()
                .text(truncate(&r.description, DESCRIPTION_MAX))
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(help_text)
                .markdown(help_md)
                .build(),
        )
        .help_uri(help_uri(r))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level_str(r.severity)))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(tags)
                .additional_properties(props)
                .build(),
        )
        .build()
}

/// The rule's link when it is an absolute `https` URL, else aggrego's own page.
fn help_uri(r: &Rule) -> String {
    let uri = r.help_uri();
    let valid = uri
        .strip_prefix("https://")
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .is_some_and(|host| !host.is_empty())
        && !uri.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        uri.to_string()
    } else {
        INFORMATION_URI.to_string()
    }
}

/// The base of repository-relative URIs.
const SRCROOT: &str = "%SRCROOT%";

/// Artifact URIs: relative to the repository root (`uriBaseId` `%SRCROOT%`)
/// for files inside it, absolute `file://` URIs for the others.
pub struct Uris {
    cwd: PathBuf,
    root: PathBuf,
    /// Package names: no base, nothing of this machine.
    package: bool,
}

impl Uris {
    /// `root` relative to the current directory; the current directory when none.
    pub fn new(root: Option<&Path>) -> Uris {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = match root {
            Some(r) => {
                let joined = normalize(&cwd.join(r));
                // A root given through a symbolic link is the folder it names.
                joined.canonicalize().unwrap_or(joined)
            }
            None => cwd.clone(),
        };
        Uris {
            cwd,
            root,
            package: false,
        }
    }

    /// For an evidence package, whose paths are its own names.
    pub fn package() -> Uris {
        Uris {
            cwd: PathBuf::new(),
            root: PathBuf::new(),
            package: true,
        }
    }

    /// The URI of a display path, and whether it is relative to `%SRCROOT%`.
    pub fn uri(&self, path: &str) -> (String, bool) {
        if self.package {
            return (encode(&path.replace('\\', "/")), false);
        }
        let abs = normalize(&self.cwd.join(path));
        if let Ok(rel) = abs.strip_prefix(&self.root) {
            return (encode(&rel.to_string_lossy().replace('\\', "/")), true);
        }
        (file_uri(&abs), false)
    }

    /// `file:///…/` of the root, as `originalUriBaseIds` gives it.
    pub fn root_uri(&self) -> String {
        let mut uri = file_uri(&self.root);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        uri
    }

    fn location(&self, path: &str, region: Option<Region>) -> Location {
        let (uri, relative) = self.uri(path);
        let artifact = if relative {
            ArtifactLocation::builder()
                .uri(uri)
                .uri_base_id(SRCROOT)
                .build()
        } else {
            ArtifactLocation::builder().uri(uri).build()
        };
        let physical = match region {
            Some(r) => PhysicalLocation::builder()
                .artifact_location(artifact)
                .region(r)
                .build(),
            None => PhysicalLocation::builder()
                .artifact_location(artifact)
                .build(),
        };
        Location::builder().physical_location(physical).build()
    }
}

/// `.` and `..` resolved without reading the file system.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'+'
            | b'@'
            | b'=' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn file_uri(abs: &Path) -> String {
    let p = abs.to_string_lossy().replace('\\', "/");
    if p.starts_with('/') {
        format!("file://{}", encode(&p))
    } else {
        // A Windows drive path: `file:///C:/…`.
        format!("file:///{}", encode(&p).replacen("%3A", ":", 1))
    }
}

/// Stable across line moves: the rule, the file, what the finding is about and
/// the offending text, plus an occurrence number for identical ones.
pub(crate) fn fingerprint(
    f: &Finding,
    result: &ScanResult,
    seen: &mut HashMap<String, usize>,
) -> String {
    // The finding's own fingerprint (the one baselines use), numbered among
    // identical findings so each result has its own.
    let own = f.fingerprint(crate::suppress::baseline::text_of(f, &result.files));
    let n = seen.entry(own.clone()).or_insert(0);
    *n += 1;
    let mut h = Sha256::new();
    h.update(own.as_bytes());
    h.update(n.to_string().as_bytes());
    format!("{:x}", h.finalize())
}

/// How the SARIF report is cut to GitHub's limits and where its paths start.
#[derive(Debug, Clone)]
pub struct SarifOptions {
    /// At most this many results (GitHub shows 5,000, rejects more than 25,000).
    pub max_results: usize,
    /// The repository root relative URIs start from (`%SRCROOT%`); the current
    /// directory when none.
    pub root: Option<PathBuf>,
    /// The paths are an evidence package's own names: written as they are,
    /// without a base, so the report holds no path of the machine that made it.
    pub package: bool,
}

impl Default for SarifOptions {
    fn default() -> Self {
        SarifOptions {
            max_results: DEFAULT_MAX_RESULTS,
            root: None,
            package: false,
        }
    }
}

/// The results GitHub shows of one run.
pub const DEFAULT_MAX_RESULTS: usize = 5000;

/// GitHub's limit on rule descriptions.
const DESCRIPTION_MAX: usize = 1024;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    write_with(result, &SarifOptions::default(), out)
}

/// The document, with the results built and serialized one at a time.
#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [StreamedRun<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StreamedRun<'a> {
    tool: Tool,
    invocations: Vec<Invocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<serde_json::Value>,
    column_kind: &'static str,
    results: Results<'a>,
    properties: PropertyBag,
}

/// The chosen findings, in report order, each made into a SARIF result only
/// when it is written.
struct Results<'a> {
    result: &'a ScanResult,
    chosen: Vec<bool>,
    rule_index: HashMap<&'a str, usize>,
    uris: &'a Uris,
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seen = HashMap::new();
        let mut seq = s.serialize_seq(Some(self.chosen.iter().filter(|c| **c).count()))?;
        for (f, chosen) in self.result.findings.iter().zip(&self.chosen) {
            // Every finding counts for the occurrence numbers, written or not.
            let fp = fingerprint(f, self.result, &mut seen);
            if *chosen {
                seq.serialize_element(&sarif_result(f, fp, &self.rule_index, self.uris))?;
            }
        }
        seq.end()
    }
}

/// Which findings are written: unsuppressed before suppressed, the most severe
/// first, then report order, up to `max`.
fn choose(findings: &[Finding], max: usize) -> Vec<bool> {
    let mut chosen = vec![findings.len() <= max; findings.len()];
    if findings.len() > max {
        let mut order: Vec<usize> = (0..findings.len()).collect();
        order.sort_by_key(|i| {
            let f = &findings[*i];
            (f.suppressed, std::cmp::Reverse(f.severity), *i)
        });
        for i in order.into_iter().take(max) {
            chosen[i] = true;
        }
    }
    chosen
}

fn sarif_result(
    f: &Finding,
    fingerprint: String,
    index: &HashMap<&str, usize>,
    uris: &Uris,
) -> Result {
    let region = Region::builder()
        .start_line(f.line as i64)
        .start_column(f.column as i64)
        .end_line(f.end_line as i64)
        // SARIF end columns are exclusive.
        .end_column(f.end_column as i64 + 1)
        .build();
    let mut fp = BTreeMap::new();
    fp.insert(FINGERPRINT.to_string(), fingerprint);
    let mut props = BTreeMap::new();
    props.insert("severity".to_string(), json!(f.severity.as_str()));
    props.insert("remediation".to_string(), json!(f.remediation));
    props.insert("resource".to_string(), json!(f.resource));
    let base = Result::builder()
        .rule_id(f.rule_id.to_string())
        .level(level(f.severity))
        .message(Message::builder().text(f.message.clone()).build())
        .locations(vec![uris.location(&f.file, Some(region))])
        .partial_fingerprints(fp)
        .properties(PropertyBag::builder().additional_properties(props).build());
    let mut res = base.build();
    res.rule_index = index.get(&*f.rule_id).map(|i| *i as i64);
    if let Some(s) = &f.suppression {
        res.suppressions = Some(vec![Suppression::builder()
            .kind(json!(
                // A waivers file or the baseline sits beside the source, not in it.
                match s.kind {
                    crate::model::finding::SuppressionKind::Waiver
                    | crate::model::finding::SuppressionKind::Baseline => "external",
                    _ => "inSource",
                }
            ))
            .status(json!("accepted"))
            .justification(s.reason.clone())
            .location(
                uris.location(
                    &s.file,
                    Some(
                        Region::builder()
                            .start_line(s.line as i64)
                            .start_column(s.column as i64)
                            .build(),
                    ),
                ),
            )
            .build()]);
    }
    res
}

pub fn write_with(
    result: &ScanResult,
    opts: &SarifOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let uris = if opts.package {
        Uris::package()
    } else {
        Uris::new(opts.root.as_deref())
    };
    let rule_index: HashMap<&str, usize> = result
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (&*r.id, i))
        .collect();
    let chosen = choose(&result.findings, opts.max_results);
    let left_out = chosen.iter().filter(|c| !**c).count();
    let mut notifications: Vec<Notification> = result
        .errors
        .iter()
        .map(|e| {
            let region = e.position(&result.files).map(|lc| {
                Region::builder()
                    .start_line(lc.line as i64)
                    .start_column(lc.column as i64)
                    .build()
            });
            let text = match &e.help {
                Some(h) => format!("{} ({h})", e.message),
                None => e.message.clone(),
            };
            Notification::builder()
                .level(json!("error"))
                .message(Message::builder().text(text).build())
                .locations(vec![uris.location(&e.path, region)])
                .build()
        })
        .collect();
    if left_out > 0 {
        notifications.push(
            Notification::builder()
                .level(json!("warning"))
                .message(
                    Message::builder()
                        .text(format!(
                            "{left_out} of {} results left out: at most {} are written \
                             (--sarif-max-results), unsuppressed and most severe first; \
                             the JSON report has them all",
                            result.findings.len(),
                            opts.max_results
                        ))
                        .build(),
                )
                .build(),
        );
    }
    let invocation = Invocation::builder()
        .execution_successful(result.errors.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    let driver = ToolComponent::builder()
        .name("aggrego")
        .full_name(concat!("aggrego ", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(result.rules.iter().map(rule_descriptor).collect::<Vec<_>>())
        .build();
    let mut run_props = BTreeMap::new();
    run_props.insert("now".to_string(), json!(result.now.rfc3339));
    run_props.insert("nowSource".to_string(), json!(result.now_source.as_str()));
    // Whether any location is relative to the root, so `%SRCROOT%` is needed.
    let relative = result
        .findings
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| **c)
        .flat_map(|(f, _)| {
            std::iter::once(&*f.file).chain(f.suppression.as_ref().map(|s| &*s.file))
        })
        .chain(result.errors.iter().map(|e| e.path.as_str()))
        .any(|p| uris.uri(p).1);
    let doc = Document {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [StreamedRun {
            tool: Tool::builder().driver(driver).build(),
            invocations: vec![invocation],
            original_uri_base_ids: relative.then(|| json!({ SRCROOT: { "uri": uris.root_uri() } })),
            column_kind: "unicodeCodePoints",
            results: Results {
                result,
                chosen,
                rule_index,
                uris: &uris,
            },
            properties: PropertyBag::builder()
                .additional_properties(run_props)
                .build(),
        }],
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded_and_relative() {
        let uris = Uris::new(None);
        assert_eq!(uris.uri("a b/c#d.tf"), ("a%20b/c%23d.tf".into(), true));
        assert_eq!(uris.uri("./x/../y.tf"), ("y.tf".into(), true));
        let (abs, rel) = uris.uri("/nowhere-near/x.json");
        assert!(!rel);
        assert_eq!(abs, "file:///nowhere-near/x.json");
        assert!(uris.root_uri().starts_with("file:///"));
        assert!(uris.root_uri().ends_with('/'));
    }

    #[test]
    fn paths_outside_the_root_stay_absolute() {
        let uris = Uris::new(Some(Path::new("sub")));
        assert_eq!(uris.uri("sub/a.tf"), ("a.tf".into(), true));
        let (uri, rel) = uris.uri("other/a.tf");
        assert!(!rel && uri.starts_with("file:///") && uri.ends_with("/other/a.tf"));
    }

    #[test]
    fn truncation_keeps_characters_whole() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        let long = "é".repeat(2000);
        let t = truncate(&long, DESCRIPTION_MAX);
        assert_eq!(t.chars().count(), DESCRIPTION_MAX);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn the_cap_keeps_the_most_severe() {
        let f = |sev, suppressed| Finding {
            rule_id: "R".into(),
            severity: sev,
            title: "t".into(),
            message: String::new(),
            file: "f".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            resource: Default::default(),
            remediation: "".into(),
            references: Vec::new().into(),
            suppressed,
            suppression: None,
            file_id: 0,
            span: 0..0,
        };
        let findings = vec![
            f(Severity::Low, false),
            f(Severity::High, true),
            f(Severity::Medium, false),
            f(Severity::Medium, false),
            f(Severity::Critical, false),
        ];
        assert_eq!(choose(&findings, 3), [false, false, true, true, true]);
        assert_eq!(choose(&findings, 9), [true; 5]);
    }
}

//! `--format sarif`: SARIF 2.1.0 for code scanning. One run; a rule per policy
//! that ran; results located by repository-relative path and character columns;
//! fingerprints that survive line moves; errors as tool notifications.

use crate::model::finding::{Finding, Severity};
use crate::policy::catalog::{Rule, INFORMATION_URI};
use crate::scan::ScanResult;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, Result,
    ResultLevel, Run, Sarif, Suppression, Tool, ToolComponent,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

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
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
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
    props.insert(
        "security-severity".to_string(),
        json!(security_severity(r.severity)),
    );
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
                .text(r.title.to_string())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(r.description.clone())
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(help_text)
                .markdown(help_md)
                .build(),
        )
        .help_uri(r.help_uri().to_string())
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

/// A repository-relative URI for a display path: relative paths as they are
/// (percent-encoded), absolute ones relative to the working directory when
/// inside it, else a `file://` URI.
pub fn artifact_uri(path: &str) -> (String, bool) {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        if let Ok(cwd) = std::env::current_dir() {
            if let Ok(rel) = p.strip_prefix(&cwd) {
                return (encode(&rel.to_string_lossy().replace('\\', "/")), true);
            }
        }
        return (
            format!("file://{}", encode(&path.replace('\\', "/"))),
            false,
        );
    }
    (encode(path), true)
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

fn location(path: &str, region: Option<Region>) -> Location {
    let (uri, relative) = artifact_uri(path);
    let artifact = if relative {
        ArtifactLocation::builder()
            .uri(uri)
            .uri_base_id("%SRCROOT%")
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

/// Stable across line moves: the rule, the file, what the finding is about and
/// the offending text, plus an occurrence number for identical ones.
fn fingerprint(f: &Finding, result: &ScanResult, seen: &mut HashMap<String, usize>) -> String {
    let text = result
        .files
        .get(f.file_id as usize)
        .and_then(|file| file.text.get(f.span.clone()))
        .unwrap_or("");
    let r = &f.resource;
    let key = format!(
        "{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
        f.rule_id,
        f.file,
        r.aggregator.as_deref().unwrap_or(""),
        r.account.as_deref().unwrap_or(""),
        r.region.as_deref().unwrap_or(""),
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let n = seen.entry(key.clone()).or_insert(0);
    *n += 1;
    let mut h = Sha256::new();
    h.update(key.as_bytes());
    h.update(n.to_string().as_bytes());
    let digest = h.finalize();
    format!("{digest:x}")
}

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let index: HashMap<&str, usize> = result
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (&*r.id, i))
        .collect();
    let mut seen = HashMap::new();
    let results: Vec<Result> = result
        .findings
        .iter()
        .map(|f| {
            let region = Region::builder()
                .start_line(f.line as i64)
                .start_column(f.column as i64)
                .end_line(f.end_line as i64)
                // SARIF end columns are exclusive.
                .end_column(f.end_column as i64 + 1)
                .build();
            let mut fp = BTreeMap::new();
            fp.insert(FINGERPRINT.to_string(), fingerprint(f, result, &mut seen));
            let mut props = BTreeMap::new();
            props.insert("severity".to_string(), json!(f.severity.as_str()));
            props.insert("remediation".to_string(), json!(f.remediation));
            props.insert("resource".to_string(), json!(f.resource));
            let base = Result::builder()
                .rule_id(f.rule_id.to_string())
                .level(level(f.severity))
                .message(Message::builder().text(f.message.clone()).build())
                .locations(vec![location(&f.file, Some(region))])
                .partial_fingerprints(fp)
                .properties(PropertyBag::builder().additional_properties(props).build());
            let mut res = base.build();
            res.rule_index = index.get(&*f.rule_id).map(|i| *i as i64);
            if let Some(s) = &f.suppression {
                res.suppressions = Some(vec![Suppression::builder()
                    .kind(json!(
                        if s.kind == crate::model::finding::SuppressionKind::Waiver {
                            "external"
                        } else {
                            "inSource"
                        }
                    ))
                    .status(json!("accepted"))
                    .justification(s.reason.clone())
                    .location(location(
                        &s.file,
                        Some(
                            Region::builder()
                                .start_line(s.line as i64)
                                .start_column(s.column as i64)
                                .build(),
                        ),
                    ))
                    .build()]);
            }
            res
        })
        .collect();
    let notifications: Vec<Notification> = result
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
                .locations(vec![location(&e.path, region)])
                .build()
        })
        .collect();
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
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(json!("unicodeCodePoints"))
        .invocations(vec![invocation])
        .results(results)
        .properties(
            PropertyBag::builder()
                .additional_properties(run_props)
                .build(),
        )
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, &sarif)?;
    w.write_all(b"\n")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded_and_relative() {
        assert_eq!(artifact_uri("a b/c#d.tf"), ("a%20b/c%23d.tf".into(), true));
        let (abs, rel) = artifact_uri("/nowhere-near/x.json");
        if !rel {
            assert_eq!(abs, "file:///nowhere-near/x.json");
        }
    }
}

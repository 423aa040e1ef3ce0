//! An evidence package's part of its `report.html`: the manifest, after the
//! scan's own sections.

use super::manifest::Manifest;
use crate::escape::html as esc;
use crate::report::plural;
use std::fmt::Write as _;

/// Inputs listed in the manifest section at the most.
const MAX_INPUTS: usize = 2_000;

/// The manifest section of a package's `report.html`.
pub(super) fn manifest_section(m: &Manifest) -> String {
    let mut s = String::new();
    let s = &mut s;
    let _ = writeln!(
        s,
        "<section id=\"manifest\">\n<h2>Manifest</h2>\n<table>\n\
<tr><th>Format</th><td><code>{}</code></td></tr>\n\
<tr><th>Tool</th><td>{} {}</td></tr>\n\
<tr><th>Snapshot time</th><td>{} ({})</td></tr>\n\
<tr><th>Inputs included</th><td>{}</td></tr>\n\
<tr><th>Redacted</th><td>{}</td></tr>\n{}</table>",
        esc(&m.format),
        esc(&m.tool.name),
        esc(&m.tool.version),
        esc(&m.now),
        esc(&m.now_source),
        if m.inputs_included {
            "yes"
        } else {
            "no (hashes only)"
        },
        match &m.redaction {
            Some(r) => format!("yes (key: {})", esc(&r.key)),
            None => "no".into(),
        },
        // Who signed it, as manifest.json says; `evidence verify --key` checks it.
        match &m.signature {
            Some(sig) => format!(
                "<tr><th>Signed by</th><td><code>{}</code> {} ({}, checked by <code>evidence verify --key</code>)</td></tr>\n",
                esc(&sig.fingerprint),
                esc(&sig.comment),
                esc(&sig.file),
            ),
            None => String::new(),
        },
    );
    let f = &m.flags;
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter().map(|x| esc(x)).collect::<Vec<_>>().join(", ")
        }
    };
    let opt = |v: &Option<String>| v.as_deref().map_or("—".to_string(), esc);
    let path =
        |v: &Option<std::path::PathBuf>| opt(&v.as_ref().map(|p| p.to_string_lossy().to_string()));
    let paths = |v: &[std::path::PathBuf]| {
        list(
            &v.iter()
                .map(|p| p.to_string_lossy().to_string())
                .collect::<Vec<_>>(),
        )
    };
    let _ = writeln!(
        s,
        "<h3>Flags</h3>\n<table>\n\
<tr><th>--now</th><td>{}</td></tr>\n<tr><th>--max-age</th><td>{}</td></tr>\n\
<tr><th>--aggregator</th><td>{}</td></tr>\n<tr><th>--region</th><td>{}</td></tr>\n\
<tr><th>--max-file-size</th><td>{} bytes</td></tr>\n<tr><th>--max-files</th><td>{}</td></tr>\n\
<tr><th>--expect-accounts</th><td>{}</td></tr>\n<tr><th>--expect-regions</th><td>{}</td></tr>\n\
<tr><th>--policy</th><td>{}</td></tr>\n<tr><th>--data</th><td>{}</td></tr>\n\
<tr><th>--no-builtin</th><td>{}</td></tr>\n<tr><th>--policy-timeout</th><td>{}</td></tr>\n\
<tr><th>--only-rule</th><td>{}</td></tr>\n<tr><th>--skip-rule</th><td>{}</td></tr>\n\
<tr><th>--fail-on</th><td>{}</td></tr>\n<tr><th>--fail-on-rule</th><td>{}</td></tr>\n\
<tr><th>--waivers</th><td>{}</td></tr>\n<tr><th>--prepared-by</th><td>{}</td></tr>\n</table>",
        opt(&f.now.as_ref().map(|n| n.rfc3339.clone())),
        esc(&humantime::format_duration(f.max_age).to_string()),
        opt(&f.aggregator),
        opt(&f.region),
        f.max_file_size,
        f.max_files,
        path(&f.expect_accounts),
        list(&f.expect_regions),
        paths(&f.policy),
        paths(&f.data),
        if f.no_builtin { "yes" } else { "no" },
        esc(&humantime::format_duration(f.policy_timeout).to_string()),
        list(&f.only_rule),
        list(&f.skip_rule),
        esc(f.fail_on.as_str()),
        list(&f.fail_on_rule),
        path(&f.waivers),
        opt(&f.prepared_by),
    );
    s.push_str("<h3>Policies</h3>\n<table class=\"policies\">\n<tr><th>Id</th><th>File</th><th>SHA-256</th></tr>\n");
    for p in &m.policies {
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td class=\"mono\">{}</td><td class=\"mono\">{}</td></tr>",
            esc(&p.id),
            esc(&p.file),
            esc(&p.sha256)
        );
    }
    for x in m.modules.iter().chain(&m.data) {
        let _ = writeln!(
            s,
            "<tr><td class=\"note\">{}</td><td class=\"mono\">{}</td><td class=\"mono\">{}</td></tr>",
            if x.file.ends_with(".rego") { "module" } else { "data" },
            esc(&x.file),
            esc(&x.sha256)
        );
    }
    s.push_str("</table>\n");
    let _ = writeln!(
        s,
        "<h3>Inputs</h3>\n<p>{} file{}{}.</p>\n<table class=\"inputs\">\n<tr><th>Name</th><th class=\"n\">Bytes</th><th>SHA-256</th></tr>",
        m.inputs.len(),
        plural(m.inputs.len()),
        if m.inputs_included { ", stored under inputs/" } else { ", not stored in the package" }
    );
    for i in m.inputs.iter().take(MAX_INPUTS) {
        let _ = writeln!(
            s,
            "<tr><td class=\"mono\">{}</td><td class=\"n\">{}</td><td class=\"mono\">{}</td></tr>",
            esc(&i.name),
            i.size,
            esc(&i.sha256)
        );
    }
    s.push_str("</table>\n");
    if m.inputs.len() > MAX_INPUTS {
        let _ = writeln!(
            s,
            "<p class=\"note\">… and {} more: see manifest.json.</p>",
            m.inputs.len() - MAX_INPUTS
        );
    }
    if !m.input_errors.is_empty() {
        s.push_str("<h3>Inputs not read</h3>\n<table>\n<tr><th>File</th><th>Error</th></tr>\n");
        for e in &m.input_errors {
            let _ = writeln!(
                s,
                "<tr><td class=\"mono\">{}</td><td>{}</td></tr>",
                esc(&e.file),
                esc(&e.message)
            );
        }
        s.push_str("</table>\n");
    }
    s.push_str("</section>\n");
    std::mem::take(s)
}

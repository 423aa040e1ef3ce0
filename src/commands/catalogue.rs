//! `aggrego policies`, `aggrego explain` and `aggrego completions`: the rule
//! catalogue and the shell completions.

use super::policy_set;
use crate::diag::Fatal;
use crate::output::print_stdout;
use crate::policy::catalog;

/// `aggrego policies`: the catalogue, as a table or JSON.
pub fn policies(args: &crate::config::cli::PoliciesArgs) -> Result<u8, Fatal> {
    let rules = catalog::catalogue(&policy_set(&args.policies)?.policies);
    if let Some(name) = &args.framework {
        return framework(&rules, name, args.format);
    }
    let mut out = String::new();
    match args.format {
        crate::config::cli::ListFormat::Json => {
            out = serde_json::to_string_pretty(&rules)
                .map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
            out.push('\n');
        }
        crate::config::cli::ListFormat::Text => {
            let width = rules
                .iter()
                .map(|r| r.title.chars().count())
                .max()
                .unwrap_or(5);
            out.push_str(&format!(
                "{:<7} {:<9} {:<width$}  INPUTS\n",
                "ID", "SEVERITY", "TITLE"
            ));
            for r in &rules {
                out.push_str(&format!(
                    "{:<7} {:<9} {:<width$}  {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.title,
                    r.inputs.join(", ")
                ));
            }
        }
    }
    print_stdout(&out)
}

/// One control of a framework and the rules that support it.
#[derive(serde::Serialize)]
struct ControlRules<'a> {
    framework: &'a str,
    control: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    citation: &'a str,
    rules: Vec<&'a str>,
}

/// `aggrego policies --framework NAME`: the framework's controls (sorted by
/// framework name, then control id), each with its supporting rules.
fn framework(
    rules: &[catalog::Rule],
    name: &str,
    format: crate::config::cli::ListFormat,
) -> Result<u8, Fatal> {
    use crate::policy::framework::{alias, matches};
    let mut controls: std::collections::BTreeMap<(&str, &str), ControlRules<'_>> =
        Default::default();
    for r in rules {
        for f in r.frameworks.iter().filter(|f| matches(&f.framework, name)) {
            let entry = controls
                .entry((&f.framework, &f.control))
                .or_insert_with(|| ControlRules {
                    framework: &f.framework,
                    control: &f.control,
                    title: f.title.as_deref(),
                    citation: &f.citation,
                    rules: Vec::new(),
                });
            entry.rules.push(&r.id);
        }
    }
    if controls.is_empty() {
        let known: std::collections::BTreeSet<String> = rules
            .iter()
            .flat_map(|r| &r.frameworks)
            .map(|f| match alias(&f.framework) {
                Some(a) => format!("{} ({a})", f.framework),
                None => f.framework.clone(),
            })
            .collect();
        let known: Vec<String> = known.into_iter().collect();
        return Err(Fatal::flag(
            "--framework",
            format!(
                "no framework `{}` among the policies' references (known: {})",
                name.escape_debug(),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ),
        ));
    }
    let mut list: Vec<ControlRules<'_>> = controls.into_values().collect();
    for c in &mut list {
        c.rules.sort_unstable();
        c.rules.dedup();
    }
    let out = match format {
        crate::config::cli::ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&list)
                .map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
            s.push('\n');
            s
        }
        crate::config::cli::ListFormat::Text => {
            let mut s = String::new();
            let mut current = "";
            for c in &list {
                if c.framework != current {
                    if !current.is_empty() {
                        s.push('\n');
                    }
                    s.push_str(&format!("{}\n", c.framework));
                    current = c.framework;
                }
                s.push_str(&format!(
                    "  {}{}\n    rules: {}\n    citation: {}\n",
                    c.control,
                    c.title.map_or(String::new(), |t| format!(" — {t}")),
                    c.rules.join(", "),
                    c.citation
                ));
            }
            s
        }
    };
    print_stdout(&out)
}

/// `aggrego explain ID`: everything about one rule.
pub fn explain(args: &crate::config::cli::ExplainArgs) -> Result<u8, Fatal> {
    let rules = catalog::catalogue(&policy_set(&args.policies)?.policies);
    let Some(r) = rules
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(args.id.trim()))
    else {
        let ids: Vec<&str> = rules.iter().map(|r| &*r.id).collect();
        return Err(Fatal::flag(
            &args.id,
            format!("no such rule (known: {})", ids.join(", ")),
        ));
    };
    let out = match args.format {
        crate::config::cli::ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(r)
                .map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
            s.push('\n');
            s
        }
        crate::config::cli::ListFormat::Text => {
            let mut s = format!(
                "{} — {}\nSeverity: {}\nInputs: {}\n",
                r.id,
                r.title,
                r.severity.as_str(),
                r.inputs.join(", ")
            );
            if let Some(c) = r.checks {
                s.push_str(&format!("Checks: each item of input.{}\n", c.as_str()));
            }
            s.push_str(&format!(
                "\n{}\n\nRemediation:\n{}\n",
                r.description,
                indent(&r.remediation)
            ));
            if !r.references.is_empty() {
                s.push_str("\nReferences:\n");
                for x in &r.references {
                    match &x.catalogue {
                        Some(c) => s.push_str(&format!("  {c}: {}\n", x.reference)),
                        None => s.push_str(&format!("  {}\n", x.reference)),
                    }
                }
            }
            if !r.frameworks.is_empty() {
                s.push_str("\nFrameworks (controls this rule supports):\n");
                for f in &r.frameworks {
                    s.push_str(&format!(
                        "  {} {}{}\n    {}\n",
                        f.framework,
                        f.control,
                        f.title
                            .as_deref()
                            .map_or(String::new(), |t| format!(" — {t}")),
                        f.citation
                    ));
                }
            }
            s
        }
    };
    print_stdout(&out)
}

/// `aggrego completions SHELL`.
pub fn completions(args: &crate::config::cli::CompletionsArgs) -> Result<u8, Fatal> {
    use clap::CommandFactory;
    let mut cmd = crate::config::cli::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "aggrego", &mut buf);
    print_stdout(&String::from_utf8_lossy(&buf))
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

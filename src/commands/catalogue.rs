//! `aggrego policies`, `aggrego explain` and `aggrego completions`: the rule
//! catalogue and the shell completions.

use super::policy_set;
use crate::diag::Fatal;
use crate::output::print_stdout;
use crate::policy::catalog;

/// `aggrego policies`: the catalogue, as a table or JSON.
pub fn policies(args: &crate::config::cli::PoliciesArgs) -> Result<u8, Fatal> {
    let rules = catalog::catalogue(&policy_set(&args.policies)?.policies);
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

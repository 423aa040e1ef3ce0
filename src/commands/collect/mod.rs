//! `aggrego collect-script`: the script that exports a snapshot folder for `aggrego scan`.
//!
//! The scripts are whole files beside this one (`collect.sh`, `collect.ps1`), so they can be
//! read, linted and parsed as they are; rendering only fills in the generator line, the
//! command line and the regions baked in by `--regions`.

use crate::config::cli::{CollectScriptArgs, ScriptShell};
use crate::diag::Fatal;
use crate::output::print_stdout;

const BASH: &str = include_str!("collect.sh");
const POWERSHELL: &str = include_str!("collect.ps1");
/// The least-privilege policy for the calls both scripts make (a test holds
/// it to them): `--iam-policy`.
const IAM_POLICY: &str = include_str!("iam-policy.json");

/// The `format` of the snapshot's `manifest.json`.
pub const SNAPSHOT_FORMAT: &str = "aggrego-snapshot/1";

/// `aggrego collect-script`: the script on standard output, nothing else.
pub fn run(args: &CollectScriptArgs) -> Result<u8, Fatal> {
    if args.iam_policy {
        return print_stdout(IAM_POLICY);
    }
    let script = render(args.shell, &args.regions)?;
    print_stdout(&script)
}

/// The script for `shell`, with `regions` (from `--regions`; empty: list them at run time).
pub fn render(shell: ScriptShell, regions: &[String]) -> Result<String, Fatal> {
    let regions = parse_regions(regions)?;
    let (template, name) = match shell {
        ScriptShell::Bash => (BASH, "bash"),
        ScriptShell::Powershell => (POWERSHELL, "powershell"),
    };
    let generator = format!(
        "aggrego collect-script {} ({name})",
        env!("CARGO_PKG_VERSION")
    );
    let mut command_line = format!("aggrego collect-script --shell {name}");
    if !regions.is_empty() {
        command_line.push_str(" --regions ");
        command_line.push_str(&regions.join(","));
    }
    // Region codes are checked to be `[a-z0-9-]`, so single quotes are enough in both shells.
    let quoted: Vec<String> = regions.iter().map(|r| format!("'{r}'")).collect();
    let list = match shell {
        ScriptShell::Bash => quoted.join(" "),
        ScriptShell::Powershell => quoted.join(", "),
    };
    Ok(template
        .replace("@@GENERATOR@@", &generator)
        .replace("@@COMMAND_LINE@@", &command_line)
        .replace("@@REGIONS@@", &list))
}

/// `--regions` values: trimmed, checked, sorted and without repeats. None given: empty.
pub fn parse_regions(raw: &[String]) -> Result<Vec<String>, Fatal> {
    if raw.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        if !crate::model::aws::is_region_code(r) {
            return Err(Fatal::flag(
                "--regions",
                format!(
                    "`{r}` is not an AWS region code (e.g. us-east-1, eu-central-2, us-gov-west-1)"
                ),
            ));
        }
        out.push(r.to_string());
    }
    if out.is_empty() {
        return Err(Fatal::flag(
            "--regions",
            "give at least one region code (e.g. --regions us-east-1,eu-west-1)".into(),
        ));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    /// Every call either script makes (`'service operation'` as the scripts
    /// name them in the manifest) is allowed by `--iam-policy`, and the policy
    /// allows nothing else.
    #[test]
    fn iam_policy_allows_exactly_the_calls_the_scripts_make() {
        let policy: serde_json::Value = serde_json::from_str(super::IAM_POLICY).unwrap();
        let allowed: std::collections::BTreeSet<String> = policy["Statement"][0]["Action"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let call = regex::Regex::new(
            r"'(sts|organizations|account|ec2|configservice) ([a-z]+(?:-[a-z]+)*)'",
        )
        .unwrap();
        let mut made = std::collections::BTreeSet::new();
        for script in [super::BASH, super::POWERSHELL] {
            for c in call.captures_iter(script) {
                let service = match &c[1] {
                    "configservice" => "config",
                    s => s,
                };
                let operation: String = c[2]
                    .split('-')
                    .map(|w| w[..1].to_uppercase() + &w[1..])
                    .collect();
                made.insert(format!("{service}:{operation}"));
            }
        }
        assert_eq!(made, allowed);
    }

    use super::*;

    #[test]
    fn regions_are_trimmed_sorted_and_unique() {
        let raw: Vec<String> = ["us-east-1", " eu-west-1", "us-east-1", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            parse_regions(&raw).ok(),
            Some(vec!["eu-west-1".to_string(), "us-east-1".to_string()])
        );
        assert!(parse_regions(&[String::new()]).is_err());
        assert!(parse_regions(&["us-east-1".into(), "mars-1".into()]).is_err());
        assert_eq!(parse_regions(&[]).ok(), Some(Vec::new()));
    }

    #[test]
    fn placeholders_are_all_filled() {
        for shell in [ScriptShell::Bash, ScriptShell::Powershell] {
            for regions in [vec![], vec!["eu-west-1".to_string()]] {
                let s = render(shell, &regions).ok().unwrap_or_default();
                assert!(s.len() > 1000);
                assert!(!s.contains("@@"), "{shell:?}");
            }
        }
    }
}

//! `aggrego test`: policy tests like `opa test` — every `test_*` rule in the
//! `*_test.rego` files under the given paths must evaluate to true — and every
//! fixture folder named after a policy id is scanned and compared with its
//! `expected.json`, with the same code that tests the built-in catalogue.

use crate::config::cli::{ListFormat, TestArgs};
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::output::print_stdout;
use crate::policy::engine::Engine;
use crate::policy::policyset;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct Outcome {
    /// `data.package.test_name`, or `fixtures/<ID>` for a fixture folder.
    pub name: String,
    pub file: String,
    pub line: usize,
    pub passed: bool,
    /// Why it failed: the rule's value, an evaluation error, fixture differences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct FileCoverage {
    pub file: String,
    pub covered: Vec<u32>,
    pub not_covered: Vec<u32>,
    pub percent: f64,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    passed: usize,
    failed: usize,
    tests: &'a [Outcome],
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<&'a [FileCoverage]>,
}

pub fn run(args: &TestArgs) -> Result<u8, Fatal> {
    let filter = match &args.run {
        Some(r) => Some(
            regex::Regex::new(r).map_err(|e| Fatal::flag("--run", format!("not a regex: {e}")))?,
        ),
        None => None,
    };
    let set = policyset::load(&policyset::Request {
        policy_paths: &args.paths,
        data_paths: &args.data,
        builtin: true,
        timeout: args.policy_timeout,
    })
    .map_err(Fatal)?;
    let tests = set.tests.clone();
    let engine = Engine::with(set.policies, &set.extras).map_err(Fatal)?;
    let (mut regorus, packages, errors) = engine.with_modules(&tests);
    if !errors.is_empty() {
        return Err(Fatal(errors));
    }
    regorus.set_enable_coverage(args.coverage);

    let mut outcomes = Vec::new();
    let rule = regex::Regex::new(r"(?m)^(test_[A-Za-z0-9_]*)\b")
        .map_err(|e| Fatal::file("aggrego", e.to_string()))?;
    for (m, package) in tests.iter().zip(&packages) {
        let Some(package) = package else { continue };
        // A rule may have several bodies (or be split across lines): test each name once.
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for c in rule.captures_iter(&m.source) {
            let at = c.get(1).map_or(0, |g| g.start());
            let line = m.source[..at].matches('\n').count() + 1;
            names.entry(c[1].to_string()).or_insert(line);
        }
        let mut names: Vec<(String, usize)> = names.into_iter().collect();
        names.sort_by_key(|(_, line)| *line);
        for (name, line) in names {
            let full = format!("{package}.{name}");
            if filter.as_ref().is_some_and(|f| !f.is_match(&full)) {
                continue;
            }
            let result = crate::guard::quietly(|| regorus.eval_rule(full.clone()))
                .unwrap_or_else(|panic| Err(anyhow::anyhow!("inside regorus: {panic}")));
            let (passed, problems) = match result {
                Ok(regorus::Value::Bool(true)) => (true, Vec::new()),
                Ok(regorus::Value::Undefined) => (
                    false,
                    vec!["undefined: a condition in its body does not hold".to_string()],
                ),
                Ok(v) => (false, vec![format!("evaluated to {v} (expected true)")]),
                Err(e) => {
                    let le = crate::policy::engine::located_error(&m.path, &e.to_string());
                    (
                        false,
                        vec![format!(
                            "error: {}: {}",
                            le.location(&[]),
                            le.message_with_snippet()
                        )],
                    )
                }
            };
            outcomes.push(Outcome {
                name: full,
                file: m.path.clone(),
                line,
                passed,
                problems,
            });
        }
    }

    let ids: Vec<String> = engine
        .policies()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    for (id, dir) in crate::commands::fixtures::find(&args.paths, &ids) {
        let shown = crate::load::source::display_path(&dir);
        let name = match dir.file_name().map(|n| n.to_string_lossy()) {
            Some(case) if case != id.as_str() => format!("fixtures/{id}/{case}"),
            _ => format!("fixtures/{id}"),
        };
        if filter
            .as_ref()
            .is_some_and(|f| !f.is_match(&name) && !f.is_match(&shown))
        {
            continue;
        }
        let result = crate::commands::fixtures::check(&dir, &id, &engine);
        outcomes.push(Outcome {
            name,
            file: format!("{shown}/expected.json"),
            line: 1,
            passed: result.is_ok(),
            problems: result.err().unwrap_or_default(),
        });
    }

    let coverage = if args.coverage {
        Some(coverage(&regorus, &tests)?)
    } else {
        None
    };
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failed = outcomes.len() - passed;
    let text = match args.format {
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&Report {
                passed,
                failed,
                tests: &outcomes,
                coverage: coverage.as_deref(),
            })
            .map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
            s.push('\n');
            s
        }
        ListFormat::Text => render(&outcomes, coverage.as_deref(), passed, failed),
    };
    print_stdout(&text)?;
    Ok(if outcomes.is_empty() {
        // Nothing to run is a mistake, not a pass.
        eprintln!(
            "aggrego: error: no test_* rule and no fixture folder found under the given paths"
        );
        EXIT_ERROR
    } else if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn render(
    outcomes: &[Outcome],
    coverage: Option<&[FileCoverage]>,
    passed: usize,
    failed: usize,
) -> String {
    let mut s = String::new();
    for o in outcomes {
        s.push_str(&format!(
            "{}  {}:{}  {}\n",
            if o.passed { "PASS" } else { "FAIL" },
            o.file,
            o.line,
            o.name
        ));
        for p in &o.problems {
            s.push_str(&format!("      {p}\n"));
        }
    }
    if let Some(files) = coverage {
        s.push_str("\nCoverage:\n");
        for f in files {
            s.push_str(&format!("  {:>5.1}%  {}", f.percent, f.file));
            if !f.not_covered.is_empty() {
                let lines: Vec<String> = f.not_covered.iter().map(u32::to_string).collect();
                s.push_str(&format!("  (not reached: lines {})", lines.join(", ")));
            }
            s.push('\n');
        }
    }
    s.push_str(&format!("\n{passed} passed, {failed} failed\n"));
    s
}

/// Coverage of the user's policies and helpers (not the tests, not the built-ins).
fn coverage(
    engine: &regorus::Engine,
    tests: &[crate::policy::Module],
) -> Result<Vec<FileCoverage>, Fatal> {
    let report = engine
        .get_coverage_report()
        .map_err(|e| Fatal::flag("--coverage", e.to_string()))?;
    let mut out: Vec<FileCoverage> = report
        .files
        .into_iter()
        .filter(|f| !f.path.starts_with("builtin/") && !tests.iter().any(|t| t.path == f.path))
        .map(|f| {
            let covered: Vec<u32> = f.covered.into_iter().collect();
            let not_covered: Vec<u32> = f.not_covered.into_iter().collect();
            let total = covered.len() + not_covered.len();
            let percent = if total == 0 {
                100.0
            } else {
                (covered.len() as f64 * 1000.0 / total as f64).round() / 10.0
            };
            FileCoverage {
                file: f.path,
                covered,
                not_covered,
                percent,
            }
        })
        .collect();
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

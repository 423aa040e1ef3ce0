//! Properties over arbitrary input: any bytes, as any input kind, give findings
//! or located errors — never a panic — with every span inside the text and on
//! character boundaries; and a report does not depend on the thread count.

use crate::common;

use aggrego::input::{Ctx, Parsed};
use aggrego::load::source::SourceFile;
use aggrego::model::Span;
use proptest::prelude::*;

const CTX: Ctx<'static> = Ctx {
    aggregator: None,
    region: None,
    parameters: &[],
    variables: &[],
    limits: aggrego::input::ItemLimits::DEFAULT,
};

fn span_ok(text: &str, s: &Span) -> Result<(), TestCaseError> {
    let (a, b) = (s.start as usize, s.end as usize);
    prop_assert!(
        a <= b && b <= text.len(),
        "span {a}..{b} outside {}",
        text.len()
    );
    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    Ok(())
}

fn check(parsed: &Parsed, text: &str) -> Result<(), TestCaseError> {
    for a in &parsed.inventory.aggregators {
        span_ok(text, &a.span)?;
        span_ok(text, &a.extent)?;
        span_ok(text, &a.name.span)?;
        for s in &a.account_sources {
            span_ok(text, &s.span)?;
            span_ok(text, &s.all_regions.span)?;
            span_ok(text, &s.regions.span)?;
        }
        if let Some(o) = &a.organization_source {
            span_ok(text, &o.span)?;
            span_ok(text, &o.role_arn.span)?;
        }
    }
    for s in &parsed.inventory.source_statuses {
        span_ok(text, &s.span)?;
        span_ok(text, &s.status_span)?;
        span_ok(text, &s.updated_span)?;
    }
    for a in &parsed.inventory.accounts {
        span_ok(text, &a.span)?;
    }
    for r in &parsed.inventory.regions {
        span_ok(text, &r.span)?;
    }
    for m in &parsed.inventory.manifests {
        span_ok(text, &m.span)?;
        for f in &m.files {
            span_ok(text, &f.span)?;
        }
        for f in &m.failures {
            span_ok(text, &f.span)?;
        }
    }
    for e in &parsed.errors {
        if let Some((_, r)) = e.input_span() {
            prop_assert!(r.start <= text.len() + 1);
        }
    }
    Ok(())
}

fn parse_as(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(text) = aggrego::load::source::decode(bytes.to_vec()) else {
        return Ok(());
    };
    let f = SourceFile::new(name.into(), text);
    let parsed = if name.ends_with(".tf") {
        aggrego::input::terraform::parse_module(&[(0, &f)], &CTX)
    } else {
        aggrego::input::parse_file(0, &f, &CTX, true)
    };
    check(&parsed, &f.text)
}

/// Fixture texts to mutate: real structure reaches deeper than random bytes.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["AGG001", "AGG003", "AGG004", "AGG005", "AGG008", "AGG011"] {
        let d = common::root().join("fixtures").join(dir);
        let mut entries: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && !p.ends_with("expected.json"))
            .collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            out.push((name, std::fs::read(&p).unwrap()));
        }
    }
    // Snapshot inputs: account and region lists, a manifest.
    for f in [
        "AGG007/organization/organizations/list-accounts.json",
        "AGG007/organization/regions.json",
        "AGG007/organization/manifest.json",
        "AGG007/region-gap/describe-regions.json",
        "AGG009/manifest/manifest.json",
    ] {
        let p = common::root().join("fixtures").join(f);
        out.push((f.replace('/', "-"), std::fs::read(&p).unwrap()));
    }
    out
}

/// A fixture with a few bytes replaced, inserted or removed.
fn mutated() -> impl Strategy<Value = (String, Vec<u8>)> {
    let seeds = seeds();
    let n = seeds.len();
    (
        0..n,
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    )
        .prop_map(move |(i, edits)| {
            let (name, mut bytes) = seeds[i].clone();
            for (at, b, op) in edits {
                if bytes.is_empty() {
                    bytes.push(b);
                    continue;
                }
                let k = at.index(bytes.len());
                match op {
                    0 => bytes[k] = b,
                    1 => bytes.insert(k, b),
                    _ => {
                        bytes.remove(k);
                    }
                }
            }
            (name, bytes)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_any_kind(bytes in prop::collection::vec(any::<u8>(), 0..512), kind in 0usize..4) {
        let name = ["out.json", "template.yaml", "main.tf", "plan.json"][kind];
        parse_as(name, &bytes)?;
    }

    #[test]
    fn mutated_fixtures((name, bytes) in mutated()) {
        parse_as(&name, &bytes)?;
    }
}

/// The whole scan of a mutated fixture: findings located inside the file, and
/// every report format renders.
#[test]
fn scans_of_mutated_fixtures_stay_inside_their_files() {
    let engine = common::engine();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 48,
        ..ProptestConfig::default()
    });
    runner
        .run(&mutated(), |(name, bytes)| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join(&name), &bytes).unwrap();
            let opts = aggrego::scan::Options {
                config: aggrego::config::ScanConfig {
                    paths: vec![dir.path().to_path_buf()],
                    now: aggrego::model::timestamp::parse("2026-11-24T00:00:00Z"),
                    max_age: std::time::Duration::from_secs(86_400),
                    ..Default::default()
                },
                ..Default::default()
            };
            let result = aggrego::scan::scan(&opts, &engine);
            for f in &result.findings {
                let text = &result.files[f.file_id as usize].text;
                prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
                prop_assert!(
                    text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end)
                );
                prop_assert!(f.line >= 1 && f.column >= 1 && f.end_line >= f.line);
            }
            for format in aggrego::report::Format::ALL {
                let mut out = Vec::new();
                let opts = aggrego::report::RenderOptions {
                    width: 100,
                    ..Default::default()
                };
                prop_assert!(aggrego::report::write(format, &result, &opts, &mut out).is_ok());
            }
            Ok(())
        })
        .unwrap();
}

/// One thread or several: the same bytes.
#[test]
fn reports_do_not_depend_on_the_thread_count() {
    let run = |threads: &str, format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_aggrego"))
            .current_dir(common::root())
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "scan",
                "fixtures",
                "../shared/corpus",
                "--now",
                "2026-11-24T00:00:00Z",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        out.stdout
    };
    for format in ["json", "sarif", "junit"] {
        let one = run("1", format);
        assert!(one.len() > 1000);
        assert!(one == run("2", format), "{format}: 1 vs 2 threads");
        assert!(one == run("4", format), "{format}: 1 vs 4 threads");
    }
}

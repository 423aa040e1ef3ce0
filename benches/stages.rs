//! In-process benchmarks of the scan's stages on generated inputs:
//! `cargo bench --bench stages`. Whole-process runs, with peak memory and the
//! findings checked against ground truth, are `benches/bench.py`.

use aggrego::input::{self, Ctx};
use aggrego::load::source::SourceFile;
use aggrego::model::timestamp::Instant;
use aggrego::model::Settings;
use aggrego::policy::engine::Engine;
use aggrego::scan::{self, Options};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::fmt::Write;
use std::path::PathBuf;

/// A `describe-configuration-aggregator-sources-status` export of `n` sources in
/// the CLI's layout: 85% SUCCEEDED, 10% FAILED, 5% OUTDATED, updates over ten days.
fn status_export(n: usize) -> String {
    let regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut out = String::from("{\n    \"AggregatedSourceStatusList\": [\n");
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let status = match x % 20 {
            0..=16 => "SUCCEEDED",
            17 | 18 => "FAILED",
            _ => "OUTDATED",
        };
        let _ = write!(
            out,
            "        {{\n            \"SourceId\": \"{:012}\",\n            \"SourceType\": \"ACCOUNT\",\n            \"AwsRegion\": \"{}\",\n            \"LastUpdateStatus\": \"{status}\",\n            \"LastUpdateTime\": \"2026-03-{:02}T{:02}:{:02}:00.{:06}+00:00\"",
            x % 1_000_000_000_000,
            regions[(x >> 20) as usize % 4],
            1 + (x >> 8) % 10,
            (x >> 12) % 24,
            (x >> 16) % 60,
            (x >> 24) % 1_000_000,
        );
        if status != "SUCCEEDED" {
            out.push_str(",\n            \"LastErrorCode\": \"AccessDeniedException\",\n            \"LastErrorMessage\": \"Config is not authorized to access the account or region.\"");
        }
        out.push_str(if i + 1 < n {
            "\n        },\n"
        } else {
            "\n        }\n"
        });
    }
    out.push_str("    ]\n}\n");
    out
}

/// A Terraform file with `k` aggregators, some not covering all regions.
fn terraform_file(i: usize, k: usize) -> String {
    let mut out = String::new();
    for j in 0..k {
        let _ = write!(
            out,
            "resource \"aws_config_configuration_aggregator\" \"agg_{i}_{j}\" {{\n  name = \"agg-{i}-{j}\"\n\n  account_aggregation_source {{\n    account_ids = [\"{:012}\"]\n    all_regions = {}\n    regions     = [\"eu-west-1\"]\n  }}\n}}\n\nresource \"aws_s3_bucket\" \"logs_{i}_{j}\" {{\n  bucket = \"logs-{i}-{j}\"\n}}\n\n",
            100_000_000_000u64 + (i * 7 + j) as u64,
            if (i + j) % 3 == 0 { "false" } else { "true" },
        );
    }
    out
}

fn engine() -> Engine {
    match aggrego::policy::builtin_policies().map(Engine::new) {
        Ok(Ok(e)) => e,
        _ => panic!("built-in policies compile"),
    }
}

fn settings() -> Settings {
    Settings::new(
        &Instant::from_ns(1_773_187_200_000_000_000),
        aggrego::model::NowSource::Flag,
        30 * 86_400_000_000_000,
    )
}

fn statuses(c: &mut Criterion) {
    let n = 30_000;
    let text = status_export(n);
    let file = SourceFile::new(PathBuf::from("sources-status.json"), text.clone());
    let ctx = Ctx {
        aggregator: None,
        region: None,
        parameters: &[],
        variables: &[],
        limits: aggrego::input::ItemLimits::DEFAULT,
    };
    let engine = engine();
    let settings = settings();
    let mut g = c.benchmark_group("sources-status-30k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("line index", |b| {
        b.iter_batched(
            || SourceFile::new(PathBuf::from("s.json"), text.clone()),
            // The index is made on first use: the last line's position makes it.
            |f| f.line_col(f.text.len()),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("parse", |b| {
        b.iter(|| input::parse_file(0, &file, &ctx, true))
    });
    let parsed = input::parse_file(0, &file, &ctx, true).inventory;
    let files = [file];
    g.bench_function("input (kept aside)", |b| {
        b.iter_batched(
            || parsed.clone(),
            |inv| inv.to_input(&settings, &[], &files),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("input (all values)", |b| {
        b.iter_batched(
            || parsed.clone(),
            |inv| inv.to_value(&settings, &[], &files),
            BatchSize::LargeInput,
        )
    });
    let (input, _) = parsed.clone().to_input(&settings, &[], &files);
    g.bench_function("evaluate (parts)", |b| {
        b.iter(|| engine.evaluate_input(&input, settings.now_ns))
    });
    let whole = input.full();
    g.bench_function("evaluate (one input)", |b| {
        b.iter(|| engine.evaluate(whole.clone(), settings.now_ns))
    });
    g.finish();
}

fn scans(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temporary folder: {e}"),
    };
    let tf = dir.path().join("tf");
    let status = dir.path().join("sources-status.json");
    let written = std::fs::create_dir_all(&tf)
        .and_then(|_| {
            (0..500).try_for_each(|i| {
                std::fs::write(tf.join(format!("main_{i:04}.tf")), terraform_file(i, 2))
            })
        })
        .and_then(|_| std::fs::write(&status, status_export(30_000)));
    if let Err(e) = written {
        panic!("bench inputs: {e}");
    }
    let engine = engine();
    let mut g = c.benchmark_group("scan");
    g.sample_size(10);
    for (name, path) in [("terraform-500-files", tf), ("sources-status-30k", status)] {
        let opts = Options {
            config: aggrego::config::ScanConfig {
                paths: vec![path],
                now: Some(Instant::from_ns(settings().now_ns)),
                max_age: std::time::Duration::from_nanos(settings().max_age_ns as u64),
                ..Default::default()
            },
            ..Options::default()
        };
        g.bench_function(name, |b| b.iter(|| scan::scan(&opts, &engine)));
    }
    g.finish();
}

criterion_group!(benches, statuses, scans);
criterion_main!(benches);

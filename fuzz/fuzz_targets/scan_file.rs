#![no_main]
//! The whole scan of one file (every input kind by its name), with the built-in
//! policies and every report format: findings inside the file, nothing panics.
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static ENGINE: OnceLock<aggrego::policy::engine::Engine> = OnceLock::new();
const NAMES: &[&str] = &["out.json", "template.yaml", "main.tf", "plan.json"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let engine = ENGINE.get_or_init(|| {
        let policies = aggrego::policy::builtin_policies().unwrap_or_default();
        match aggrego::policy::engine::Engine::new(policies) {
            Ok(e) => e,
            Err(e) => panic!("built-in policies: {e:?}"),
        }
    });
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join(NAMES[pick as usize % NAMES.len()]);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let opts = aggrego::scan::Options {
        config: aggrego::config::ScanConfig {
            paths: vec![path],
            now: aggrego::model::timestamp::parse("2026-11-24T00:00:00Z"),
            max_age: std::time::Duration::from_secs(86_400),
            ..Default::default()
        },
        ..Default::default()
    };
    let result = aggrego::scan::scan(&opts, engine);
    for f in &result.findings {
        let text = &result.files[f.file_id as usize].text;
        assert!(f.span.end <= text.len() && f.span.start <= f.span.end);
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert!(f.line >= 1 && f.column >= 1);
    }
    for format in aggrego::report::Format::ALL {
        let mut out = Vec::new();
        let opts = aggrego::report::RenderOptions { color: false, width: 100, ..Default::default() };
        aggrego::report::write(format, &result, &opts, &mut out).ok();
    }
});

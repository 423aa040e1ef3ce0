#![no_main]
//! CloudFormation templates, YAML (with short tags) and JSON.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(f) = common::file("template.yaml", data) {
        let parsed = aggrego::input::cloudformation::parse(0, &f, &common::CTX);
        common::check(&parsed, &f.text);
    }
});

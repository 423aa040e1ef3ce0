#![no_main]
//! `terraform show -json` plans and state, through the same dispatch as a scan.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(f) = common::file("plan.json", data) {
        let parsed = aggrego::input::parse_file(0, &f, &common::CTX, true);
        common::check(&parsed, &f.text);
    }
});

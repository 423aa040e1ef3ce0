#![no_main]
//! Saved AWS CLI / boto3 JSON.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(f) = common::file("out.json", data) {
        let parsed = aggrego::input::parse_file(0, &f, &common::CTX, true);
        common::check(&parsed, &f.text);
    }
});

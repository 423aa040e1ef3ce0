#![no_main]
//! A Terraform module of one `.tf` file.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(f) = common::file("main.tf", data) {
        let parsed = aggrego::input::terraform::parse_module(&[(0, &f)], &common::CTX);
        common::check(&parsed, &f.text);
    }
});

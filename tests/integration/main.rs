//! The integration tests, one binary: each module below was a test file of its own.
//! `cargo test --test integration <module>::` runs one of them.

// Some tests make FIFOs, send signals and read rusage through libc.
#![allow(unsafe_code)]
// A test binary exports nothing: its helpers are `pub` for its own modules.
#![allow(unreachable_pub)]

mod common;

mod baseline;
mod ci_integrations;
mod cli;
mod cli_reference;
mod collect;
mod config_file;
mod controls;
mod corpus;
mod coverage;
mod custom_policies;
mod demo;
mod diff;
mod display;
mod distribution;
mod end_to_end;
mod evidence;
mod evidence_hostile;
mod heatmap;
mod hostile;
mod html_browser;
mod inspect;
mod links;
mod outputs;
mod peers;
mod policies;
mod properties;
mod real_world;
mod redaction;
mod report_snapshots;
mod reports;
mod schema;
mod signing;
mod suppressions;

//! aggrego: audit AWS Config configuration aggregators offline, with policies in Rego.
//!
//! The modules follow the scan's pipeline, each using only those before it:
//! `config` (the command line) → `load` (finding and reading files) → `input`
//! (parsing each kind into the `model`) → `resolve` (context a file does not
//! state: regions, coverage) → `encode` (the model as the policies' `input`, and
//! the location table) → `policy` (compiling and evaluating Rego) → `suppress`
//! → `scan` (the pipeline: runs those stages, locates findings) → `report`;
//! `evidence` packages a scan, `commands` runs each subcommand, `output` writes
//! files and the terminal. `model` holds the types they share; `diag`, `escape`
//! and `guard` are leaves. docs/ARCHITECTURE.md has the table.

#![forbid(unsafe_code)]

pub mod commands;
pub mod config;
pub mod diag;
pub mod encode;
pub mod escape;
pub mod evidence;
pub mod guard;
pub mod input;
pub mod load;
pub mod model;
pub mod output;
pub mod policy;
pub mod report;
pub mod resolve;
pub mod scan;
pub mod suppress;

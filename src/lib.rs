//! aggrego: audit AWS Config configuration aggregators offline, with policies in Rego.

pub mod catalog;
pub mod cli;
pub mod context;
pub mod diag;
pub mod discover;
pub mod engine;
pub mod finding;
pub mod fixtures;
pub mod format;
pub mod input;
pub mod inspect;
pub mod inventory;
pub mod json;
pub mod model;
pub mod policy;
pub mod policyset;
pub mod progress;
pub mod report;
pub mod run;
pub mod scan;
pub mod source;
pub mod subject;
pub mod suppress;
pub mod testing;
pub mod timestamp;

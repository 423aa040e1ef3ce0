//! `aggrego diff --format json`: the whole diff, unchanged findings listed
//! too; `docs/diff.schema.json` describes it.

use super::Diff;
use serde::Serialize;
use std::io::Write;

/// The `format` of the document.
pub const FORMAT: &str = "aggrego-diff/1";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    tool: Tool,
    #[serde(flatten)]
    diff: &'a Diff,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

pub fn write(diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = Document {
        format: FORMAT,
        tool: Tool {
            name: "aggrego",
            version: env!("CARGO_PKG_VERSION"),
        },
        diff,
    };
    let mut text = serde_json::to_vec_pretty(&doc)?;
    text.push(b'\n');
    out.write_all(&text)
}

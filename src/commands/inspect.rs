//! `aggrego inspect`: the normalised input exactly as policies see it, so a
//! policy author knows what to write against; `--schema` prints its JSON Schema.

use crate::config::cli::InspectArgs;
use crate::config::ScanConfig;
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_ERROR};
use crate::scan;
use std::io::Write;

pub fn run(args: &InspectArgs) -> Result<u8, Fatal> {
    if args.schema {
        let mut s = crate::encode::schema::schema_json();
        s.push('\n');
        return crate::output::print_stdout(&s);
    }
    let opts = scan::Options {
        config: ScanConfig::from_input(&args.input),
        env_vars: crate::config::tf_env_vars(),
        ..scan::Options::default()
    };
    let prepared = scan::prepare(&opts, &crate::output::progress::Progress::new(false, 0));
    let names: Vec<&str> = prepared.files.iter().map(|f| f.name.as_str()).collect();
    let coverage = crate::resolve::coverage::build(&prepared.inventory, &prepared.settings, &names);
    let (input, locs) = prepared
        .inventory
        .to_value(&prepared.settings, &coverage, &prepared.files);
    let json =
        serde_json::to_value(&input).map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
    let doc = if args.locations {
        let table: Vec<serde_json::Value> = (0..locs.len())
            .filter_map(|id| locs.get(id).map(|(span, _)| (id, span)))
            .map(|(id, span)| {
                let file = prepared.files.get(span.file as usize);
                let lc = file.map(|f| f.line_col(span.start as usize));
                serde_json::json!({
                    "loc": id,
                    "file": file.map(|f| f.name.as_str()),
                    "line": lc.map(|l| l.line),
                    "column": lc.map(|l| l.column),
                })
            })
            .collect();
        serde_json::json!({"input": json, "locations": table})
    } else {
        json
    };
    let mut text =
        serde_json::to_string_pretty(&doc).map_err(|e| Fatal::output("<stdout>", e.to_string()))?;
    text.push('\n');
    for e in &prepared.errors {
        let _ = writeln!(
            std::io::stderr(),
            "aggrego: error: {}: {}",
            e.location(&prepared.files),
            e.message_with_snippet()
        );
    }
    crate::output::print_stdout(&text)?;
    Ok(if prepared.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

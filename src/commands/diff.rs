//! `aggrego diff OLD NEW`: both sides read (every bad one named), compared,
//! written in the chosen format, and the exit code from the new findings.

use crate::config::cli::DiffArgs;
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_FINDINGS};
use crate::output::{Inputs, Output};
use crate::report::diff;
use std::io::Write as _;

pub fn run(args: &DiffArgs) -> Result<u8, Fatal> {
    // The destination is checked first: a diff that cannot be written is not made.
    let out = match &args.output {
        Some(path) => {
            let shown = crate::load::source::display_path(path);
            let inputs = Inputs::files(&[args.old.clone(), args.new.clone()]);
            let (out, _) =
                Output::create(path, &inputs).map_err(|e| Fatal::output(&shown, e.to_string()))?;
            Some(out)
        }
        None => None,
    };
    // Reading a package copies its inputs into a private folder.
    crate::output::interrupt::install_handler();
    let (old, new) = crate::evidence::side::both(&args.old, &args.new)?;
    let d = diff::compare(&old.side, &new.side);
    let mut text = Vec::new();
    diff::write(args.format, &d, &mut text)
        .map_err(|e| Fatal::output("<diff>", format!("cannot render: {e}")))?;
    match out {
        Some(mut out) => {
            let shown = out.display.clone();
            let stream = out.is_stream();
            let written = out
                .writer()
                .and_then(|mut w| w.write_all(&text))
                .and_then(|_| out.commit());
            match written {
                Ok(()) => {}
                Err(e) if stream && e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => return Err(Fatal::output(&shown, format!("cannot write: {e}"))),
            }
        }
        None => {
            crate::output::print_stdout(&String::from_utf8_lossy(&text))?;
        }
    }
    Ok(if diff::fails(&d, args.fail_on.threshold()) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

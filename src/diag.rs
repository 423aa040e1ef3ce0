//! Problems with inputs or policies: located where possible, never fatal to the scan.

use crate::inventory::FileId;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    /// Display path of the file (or policy) the problem is in.
    pub path: String,
    /// Index of the scanned file, when its text is available for line/column and a snippet.
    pub file: Option<FileId>,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: Option<String>,
}

impl ScanError {
    pub fn at(path: &str, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        ScanError {
            path: path.to_string(),
            file: Some(file),
            span: Some(span),
            message: message.into(),
            help: None,
        }
    }

    pub fn whole(path: &str, message: impl Into<String>) -> Self {
        ScanError {
            path: path.to_string(),
            file: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// Errors in report order (file, offset, message), each once: what every
    /// reading of a definition repeats is said once.
    pub fn sort_and_dedup(errors: &mut Vec<ScanError>) {
        errors.sort_by(|a, b| {
            (&a.path, a.span.as_ref().map(|s| s.start), &a.message).cmp(&(
                &b.path,
                b.span.as_ref().map(|s| s.start),
                &b.message,
            ))
        });
        errors.dedup();
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

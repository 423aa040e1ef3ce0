//! Diagnostics: every problem aggrego reports, with where it comes from.
//!
//! One type for input errors (the scan goes on), policy errors and fatal
//! errors (the command stops). Its [`Origin`] says what it is about; the
//! human renderer shows a snippet, and JSON, SARIF and the other reports read
//! the same line and column from [`Diagnostic::position`].

use crate::load::source::{LineCol, SourceFile};
use crate::model::FileId;
use std::ops::Range;

/// How a run ends: no finding to fail on, findings to fail on, or an error.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Problems that stop a command before or instead of its work (a bad flag, a
/// broken policy, a report that cannot be written).
#[derive(Debug)]
pub struct Fatal(pub Vec<Diagnostic>);

impl Fatal {
    /// One problem about a file or folder (as a whole) that stops the command.
    pub fn file(path: &str, message: String) -> Fatal {
        Fatal(vec![Diagnostic::whole(path, message)])
    }

    /// One problem about a flag or argument's value.
    pub fn flag(flag: &str, message: String) -> Fatal {
        Fatal(vec![Diagnostic::flag(flag, message)])
    }

    /// One problem about where a report or package is written.
    pub fn output(destination: &str, message: String) -> Fatal {
        Fatal(vec![Diagnostic::output(destination, message)])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Display path of the file (input, policy, data, waivers), the flag, or
    /// the output destination the problem is about.
    pub path: String,
    pub origin: Origin,
    pub message: String,
    pub help: Option<String>,
}

/// What a diagnostic is about, and how precisely it is located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A byte range of a scanned file, whose text the scan holds.
    Input { file: FileId, span: Range<usize> },
    /// A file (or folder) as a whole.
    File,
    /// A line and column of a file whose text the scan does not hold (a
    /// policy, a data document): `snippet` shows the line with a caret.
    Text {
        line: usize,
        column: usize,
        snippet: String,
    },
    /// A command-line flag (`path` holds its name).
    Flag,
    /// A report destination.
    Output,
}

impl Diagnostic {
    pub fn at(path: &str, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic::new(path, Origin::Input { file, span }, message)
    }

    pub fn whole(path: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(path, Origin::File, message)
    }

    /// At `line:column` of a file the scan does not hold.
    pub fn text(
        path: &str,
        line: usize,
        column: usize,
        snippet: String,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(
            path,
            Origin::Text {
                line,
                column,
                snippet,
            },
            message,
        )
    }

    pub fn flag(flag: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(flag, Origin::Flag, message)
    }

    pub fn output(destination: &str, message: impl Into<String>) -> Self {
        Diagnostic::new(destination, Origin::Output, message)
    }

    fn new(path: &str, origin: Origin, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            origin,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The scanned file and byte range, for a diagnostic about one.
    pub fn input_span(&self) -> Option<(FileId, &Range<usize>)> {
        match &self.origin {
            Origin::Input { file, span } => Some((*file, span)),
            _ => None,
        }
    }

    /// Line and column (1-based), when the diagnostic has them.
    pub fn position(&self, files: &[SourceFile]) -> Option<LineCol> {
        match &self.origin {
            Origin::Input { file, span } => {
                files.get(*file as usize).map(|f| f.line_col(span.start))
            }
            Origin::Text { line, column, .. } => Some(LineCol {
                line: *line,
                column: *column,
            }),
            _ => None,
        }
    }

    /// `path:line:column`, or the path alone.
    pub fn location(&self, files: &[SourceFile]) -> String {
        match self.position(files) {
            Some(lc) => format!("{}:{}:{}", self.path, lc.line, lc.column),
            None => self.path.clone(),
        }
    }

    /// The message with the snippet of a [`Origin::Text`] diagnostic below it,
    /// as plain-text output shows it.
    pub fn message_with_snippet(&self) -> String {
        match &self.origin {
            Origin::Text { snippet, .. } if !snippet.is_empty() => {
                format!("{}\n{snippet}", self.message)
            }
            _ => self.message.clone(),
        }
    }

    /// Where in its file, for ordering: a byte offset or a line and column.
    fn order(&self) -> (usize, usize) {
        match &self.origin {
            Origin::Input { span, .. } => (span.start, 0),
            Origin::Text { line, column, .. } => (*line, *column),
            _ => (0, 0),
        }
    }

    /// Diagnostics in report order (file, position, message), each once: what
    /// every reading of a definition repeats is said once.
    pub fn sort_and_dedup(errors: &mut Vec<Diagnostic>) {
        errors.sort_by(|a, b| {
            (&a.path, a.order(), &a.message).cmp(&(&b.path, b.order(), &b.message))
        });
        errors.dedup();
    }
}

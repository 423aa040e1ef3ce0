//! `--format human`: miette diagnostics with a labelled snippet, then a summary line.

use super::{plural, summary, RenderOptions};
use crate::diag::Origin;
use crate::escape::{clean, clean_name};
use crate::load::source::SourceFile;
use crate::model::finding::{Finding, Severity, SuppressionKind};
use crate::scan::ScanResult;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::Write;

/// Longest stretch of a line shown around a span; minified JSON stays readable.
const WINDOW: usize = 160;

pub fn write(
    result: &ScanResult,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false)
        // Unwrapped, so remediation commands copy and paste whole.
        .with_wrap_lines(false)
        // The offending line alone, as compilers show it: a finding is one
        // screenful of lines, not a page.
        .with_context_lines(0);
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut buf = String::new();
    // Per file, a copy with control characters masked, made only when needed.
    let masked: Vec<std::sync::OnceLock<Option<String>>> = result
        .files
        .iter()
        .map(|_| std::sync::OnceLock::new())
        .collect();
    let snippet = |id: u32| {
        let i = id as usize;
        Some(Snippet {
            file: result.files.get(i)?,
            masked: masked.get(i)?,
        })
    };
    let mut suppressed = Vec::new();
    for f in &result.findings {
        if f.suppressed {
            suppressed.push(f);
            continue;
        }
        if opts.quiet || f.severity < opts.min_severity {
            continue;
        }
        let d = Diag {
            code: Some(format!("{} ({})", f.rule_id, f.severity.as_str())),
            message: clean(&f.message),
            severity: miette_severity(f.severity),
            help: Some(clean(&f.remediation)),
            label: clean(&f.title),
            source: snippet(f.file_id),
            span: Some(f.span.clone()),
        };
        render(&handler, &d, &mut buf, &mut w)?;
    }
    for e in &result.errors {
        let source = e.input_span().and_then(|(file, _)| snippet(file));
        let location = match e.position(&result.files) {
            Some(lc) if source.is_some() || matches!(e.origin, Origin::Text { .. }) => {
                format!("{}:{}:{}", clean_name(&e.path), lc.line, lc.column)
            }
            _ => clean_name(&e.path),
        };
        let d = Diag {
            code: Some("error".into()),
            message: format!("{location}: {}", clean(&e.message_with_snippet())),
            severity: miette::Severity::Error,
            help: e.help.as_deref().map(clean),
            label: "here".into(),
            source,
            span: e.input_span().map(|(_, span)| span.clone()),
        };
        render(&handler, &d, &mut buf, &mut w)?;
    }
    // A baseline's findings are counted, not listed: it may hold thousands.
    let (baselined, suppressed): (Vec<&Finding>, Vec<&Finding>) =
        suppressed.into_iter().partition(|f| {
            f.suppression
                .as_ref()
                .is_some_and(|s| s.kind == SuppressionKind::Baseline)
        });
    if let Some(file) = baselined.first().and_then(|f| f.suppression.as_ref()) {
        writeln!(
            w,
            "Baseline: {} finding{} of {} accepted (not counted)",
            baselined.len(),
            plural(baselined.len()),
            clean_name(&file.file)
        )?;
    }
    // Accepted risks stay visible, one line each (line breaks escaped).
    if !suppressed.is_empty() && !opts.quiet {
        writeln!(w, "Suppressed ({}):", suppressed.len())?;
        for f in suppressed {
            if let Some(s) = &f.suppression {
                let expires = s
                    .expires
                    .as_deref()
                    .map_or(String::new(), |e| format!(", expires {}", clean_name(e)));
                writeln!(
                    w,
                    "  {} {}:{}:{} {}\n    {} at {}:{}{expires}: {}",
                    f.rule_id,
                    clean_name(&f.file),
                    f.line,
                    f.column,
                    clean_name(&f.message),
                    s.kind,
                    clean_name(&s.file),
                    s.line,
                    clean_name(&s.reason)
                )?;
            }
        }
        writeln!(w)?;
    }
    if let Some(note) = super::hidden(result, opts) {
        writeln!(w, "{note}")?;
    }
    if !opts.quiet {
        write_controls(result, &mut w)?;
    }
    for line in super::scope::lines(result, clean_name) {
        writeln!(w, "{line}")?;
    }
    writeln!(w, "{}", summary(result))?;
    w.flush()
}

/// Results per control in two lines at most: the failing rules, then the
/// passing and not applicable ones (the full rows are in the JSON, HTML and
/// Markdown reports).
fn write_controls(result: &ScanResult, w: &mut dyn Write) -> std::io::Result<()> {
    use super::controls::{by_rule, Status};
    let rows = by_rule(result);
    let group = |status: Status| -> Option<String> {
        let listed: Vec<String> = rows
            .iter()
            .filter(|r| r.status == status)
            .map(|r| match status {
                Status::NotApplicable => clean_name(r.rule),
                _ => format!("{} {}/{}", clean_name(r.rule), r.failed, r.checked),
            })
            .collect();
        let label = match status {
            Status::NotApplicable => "NOT APPLICABLE (nothing to check)",
            s => s.as_str(),
        };
        (!listed.is_empty()).then(|| format!("{label} {}", listed.join(", ")))
    };
    let rest: Vec<String> = [Status::Pass, Status::NotApplicable]
        .into_iter()
        .filter_map(group)
        .collect();
    let lines: Vec<String> = group(Status::Fail)
        .into_iter()
        .chain((!rest.is_empty()).then(|| rest.join("; ")))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let lead = if i == 0 {
            "Per control (failed/checked items): "
        } else {
            "  "
        };
        writeln!(w, "{lead}{line}")?;
    }
    Ok(())
}

fn render(
    handler: &GraphicalReportHandler,
    d: &Diag<'_>,
    buf: &mut String,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    buf.clear();
    if handler.render_report(buf, d).is_err() {
        buf.clear();
        buf.push_str(&d.message);
        buf.push('\n');
    }
    w.write_all(buf.as_bytes())
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium | Severity::Low => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

struct Diag<'a> {
    code: Option<String>,
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    label: String,
    source: Option<Snippet<'a>>,
    span: Option<std::ops::Range<usize>>,
}

impl fmt::Debug for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        match (&self.source, &self.span) {
            (Some(s), Some(_)) if !s.file.text.is_empty() => Some(s),
            _ => None,
        }
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        self.source.as_ref().filter(|s| !s.file.text.is_empty())?;
        let len = span.len().max(1);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(self.label.clone()),
                SourceSpan::new(span.start.into(), len),
            ),
        )))
    }
}

/// A file as miette sees it: only the lines around a span are handed over,
/// found with the file's line index, so a report on a huge file stays cheap.
struct Snippet<'a> {
    file: &'a SourceFile,
    masked: &'a std::sync::OnceLock<Option<String>>,
}

/// The text with terminal control and reordering characters replaced by
/// characters of the same UTF-8 length (so byte offsets still hold); `None`
/// when there are none.
fn mask_controls(text: &str) -> Option<String> {
    let is_bad = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || crate::escape::is_reordering(c)
    };
    if !text.chars().any(is_bad) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match c {
                c if !is_bad(c) => c,
                c if c.len_utf8() == 1 => '?',
                c if c.len_utf8() == 2 => '\u{bf}', // like the C1 controls and U+061C
                _ => '\u{fffd}',                    // three bytes, like the other reordering ones
            })
            .collect(),
    )
}

impl SourceCode for Snippet<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self
            .masked
            .get_or_init(|| mask_controls(&self.file.text))
            .as_deref()
            .unwrap_or(&self.file.text);
        let bytes = text.as_bytes();
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).min(text.len());
        let first = self.file.line_index(start).saturating_sub(before);
        let last_line = self.file.line_index(end.saturating_sub(1).max(start));
        let last = (last_line + after).min(self.file.line_index(text.len()));
        let line_lo = self.file.line_begin(first);
        // Where the last line ends, looked for only as far as the snippet can
        // reach: every report on a minified export would otherwise search the
        // rest of its one line.
        let last_begin = self.file.line_begin(last);
        let from = last_begin
            .max(end.saturating_sub(1).max(start))
            .min(text.len());
        let reach = (line_lo + 4 * WINDOW).max(end + WINDOW) + 2;
        let limit = reach.min(text.len());
        // Not found within the reach: the line is longer, and the window below applies.
        let line_hi = match bytes.get(from..limit) {
            Some(b) => memchr::memchr(b'\n', b).map_or(limit, |i| from + i),
            None => from,
        };
        let line_hi = if line_hi > last_begin && bytes.get(line_hi - 1) == Some(&b'\r') {
            line_hi - 1
        } else {
            line_hi
        };
        let (mut lo, mut hi) = (line_lo, line_hi.max(line_lo));
        // Very long lines: show a window around the span instead of the whole line.
        if hi - lo > 4 * WINDOW {
            lo = floor_char(text, start.saturating_sub(WINDOW).max(lo));
            hi = ceil_char(text, (end + WINDOW).min(hi));
        }
        let column = self.file.char_count(line_lo..lo);
        let data = &text.as_bytes()[lo..hi];
        let lines = text[lo..hi].matches('\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            clean_name(&self.file.name),
            data,
            SourceSpan::new(lo.into(), hi - lo),
            first,
            column,
            lines,
        )))
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

//! Invariants every parser keeps, whatever the bytes: no panic (the harness),
//! and every span inside the text, on character boundaries.

use aggrego::input::{Ctx, Parsed};
use aggrego::model::Span;
use aggrego::load::source::SourceFile;

pub const CTX: Ctx<'static> = Ctx {
    aggregator: None,
    region: None,
    parameters: &[],
    variables: &[],
    limits: aggrego::input::ItemLimits::DEFAULT,
};

pub fn file(name: &str, data: &[u8]) -> Option<SourceFile> {
    let text = aggrego::load::source::decode(data.to_vec()).ok()?;
    Some(SourceFile::new(name.into(), text))
}

fn span_ok(text: &str, s: &Span) {
    let (a, b) = (s.start as usize, s.end as usize);
    assert!(a <= b && b <= text.len(), "span {a}..{b} outside {}", text.len());
    assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "span {a}..{b} splits a character");
}

pub fn check(parsed: &Parsed, text: &str) {
    for a in &parsed.inventory.aggregators {
        span_ok(text, &a.span);
        span_ok(text, &a.extent);
        span_ok(text, &a.name.span);
        for s in &a.account_sources {
            span_ok(text, &s.span);
            span_ok(text, &s.all_regions.span);
        }
    }
    for s in &parsed.inventory.source_statuses {
        span_ok(text, &s.span);
        span_ok(text, &s.status_span);
        span_ok(text, &s.updated_span);
    }
    for e in &parsed.errors {
        if let aggrego::diag::Origin::Input { span: r, .. } = &e.origin {
            // Errors may point one past the end (unexpected end of input).
            assert!(r.start <= text.len() + 1, "error span {r:?} outside {}", text.len());
        }
    }
}

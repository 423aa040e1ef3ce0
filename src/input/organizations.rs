//! Who is expected to report: `aws organizations list-accounts` output, region
//! lists (`aws account list-regions`, `aws ec2 describe-regions`) and plain
//! account lists given with `--expect-accounts`.

use super::aws_cli::read_time;
use crate::diag::Diagnostic;
use crate::input::json::{Doc, JsonError, Kind, Member, Raw, Root};
use crate::load::source::SourceFile;
use crate::model::Listed;
use crate::model::*;
use std::ops::Range;

pub const LIST_ACCOUNTS: &str = "organizations list-accounts";
pub const LIST_REGIONS: &str = "account list-regions";
pub const DESCRIBE_REGIONS: &str = "ec2 describe-regions";

/// What a document of this module holds, judged from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Accounts,
    Regions,
}

pub fn shape(doc: &Doc<'_>, root: &Root<'_>) -> Option<Shape> {
    let of = |members: &[Member<'_>]| {
        if members.iter().any(|m| m.key == "Accounts") {
            Some(Shape::Accounts)
        } else if members.iter().any(|m| m.key == "Regions") {
            Some(Shape::Regions)
        } else {
            None
        }
    };
    match root {
        Root::Object(members) => of(members),
        // A list of pages (boto3 paginator).
        Root::Array(items) => of(&doc.object(*items.first()?, "page").ok()?),
        Root::Scalar => None,
    }
}

struct Reader<'a, 'e> {
    doc: &'a Doc<'a>,
    file: FileId,
    name: &'a str,
    errors: &'e mut Vec<Diagnostic>,
}

impl<'a> Reader<'a, '_> {
    fn span(&self, raw: Raw<'_>) -> Span {
        Span::new(self.file, self.doc.span(raw))
    }

    fn attempt<T>(&mut self, r: Result<T, JsonError>) -> Option<T> {
        r.map_err(|e| {
            self.errors.push(Diagnostic::at(
                self.name,
                self.file,
                e.offset..e.offset + e.len,
                e.message,
            ))
        })
        .ok()
    }

    /// A string member, `None` when absent or null.
    fn text(&mut self, members: &[Member<'a>], key: &str) -> Option<(String, Raw<'a>)> {
        let m = members.iter().find(|m| m.key == key)?;
        if Kind::of(m.value) == Kind::Null {
            return None;
        }
        let s = self.attempt(self.doc.string(m.value, key))?;
        Some((s.into_owned(), m.value))
    }

    /// A string member the entry cannot do without: absent is an error at the entry
    /// (a wrongly typed one is already reported by `text`).
    fn required(
        &mut self,
        members: &[Member<'a>],
        item: Raw<'a>,
        key: &str,
        what: &str,
    ) -> Option<(String, Raw<'a>)> {
        let found = self.text(members, key);
        if found.is_none() && !members.iter().any(|m| m.key == key) {
            let at = self.doc.span(item).start;
            self.errors.push(Diagnostic::at(
                self.name,
                self.file,
                at..at + 1,
                format!("{what} without `{key}`"),
            ));
        }
        found
    }

    /// The items under `key` of every page, and the last page's `NextToken`.
    fn pages(&mut self, root: Root<'a>, key: &str) -> (Vec<Raw<'a>>, Option<(String, Raw<'a>)>) {
        let pages: Vec<Vec<Member<'a>>> = match root {
            Root::Object(m) => vec![m],
            Root::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, p)| self.attempt(self.doc.object(*p, &format!("page {}", i + 1))))
                .collect(),
            Root::Scalar => Vec::new(),
        };
        let mut items = Vec::new();
        let mut token = None;
        for members in pages {
            token = None;
            for m in &members {
                if m.key == key {
                    items.extend(
                        self.attempt(self.doc.array(m.value, key))
                            .unwrap_or_default(),
                    );
                } else if m.key == "NextToken" && Kind::of(m.value) != Kind::Null {
                    token = self
                        .attempt(self.doc.string(m.value, "NextToken"))
                        .filter(|t| !t.is_empty())
                        .map(|t| (t.into_owned(), m.value));
                }
            }
        }
        (items, token)
    }
}

fn snapshot(
    inv: &mut Inventory,
    file: FileId,
    kind: &'static str,
    root: Range<usize>,
    token: Option<(String, Span)>,
) {
    inv.snapshots.push(Snapshot {
        file,
        kind,
        span: token.as_ref().map_or(Span::new(file, root), |t| t.1),
        next_token: token.map(|t| t.0),
    });
}

/// `aws organizations list-accounts` (CLI v1/v2, boto3, pages).
pub fn parse_accounts(
    doc: &Doc<'_>,
    root: Root<'_>,
    file: FileId,
    name: &str,
    inv: &mut Inventory,
    errors: &mut Vec<Diagnostic>,
) {
    let mut r = Reader {
        doc,
        file,
        name,
        errors,
    };
    let (items, token) = r.pages(root, "Accounts");
    for item in items {
        let Some(members) = r.attempt(doc.object(item, "account")) else {
            continue;
        };
        let Some((id, id_raw)) = r.required(&members, item, "Id", "account") else {
            continue;
        };
        let status = r
            .text(&members, "State")
            .or_else(|| r.text(&members, "Status"))
            .map(|s| s.0);
        let joined_ns = members
            .iter()
            .find(|m| m.key == "JoinedTimestamp")
            .and_then(|m| read_time(doc, file, name, m.value, "JoinedTimestamp", r.errors));
        inv.accounts.push(OrgAccount {
            id,
            name: r.text(&members, "Name").map(|s| s.0),
            email: r.text(&members, "Email").map(|s| s.0),
            active: OrgAccount::is_active(status.as_deref()),
            status,
            joined_ns,
            from: Listed::Organizations,
            span: r.span(id_raw),
        });
    }
    let token = token.map(|(t, raw)| (t, r.span(raw)));
    snapshot(inv, file, LIST_ACCOUNTS, doc.root_span(), token);
}

/// `aws account list-regions` or `aws ec2 describe-regions`.
pub fn parse_regions(
    doc: &Doc<'_>,
    root: Root<'_>,
    file: FileId,
    name: &str,
    inv: &mut Inventory,
    errors: &mut Vec<Diagnostic>,
) {
    let mut r = Reader {
        doc,
        file,
        name,
        errors,
    };
    let (items, token) = r.pages(root, "Regions");
    let mut kind = DESCRIBE_REGIONS;
    for item in items {
        let Some(members) = r.attempt(doc.object(item, "region")) else {
            continue;
        };
        let Some((region, raw)) = r.required(&members, item, "RegionName", "region") else {
            continue;
        };
        let typed = |k: &str| {
            members
                .iter()
                .any(|m| m.key == k && Kind::of(m.value) != Kind::Null)
        };
        let opt = r.text(&members, "RegionOptStatus");
        let opt_in = r.text(&members, "OptInStatus");
        // An entry with a wrongly typed status is left out (its error is reported).
        if (typed("RegionOptStatus") && opt.is_none()) || (typed("OptInStatus") && opt_in.is_none())
        {
            continue;
        }
        let (status, enabled) = if let Some((s, _)) = opt {
            kind = LIST_REGIONS;
            let on = matches!(s.as_str(), "ENABLED" | "ENABLED_BY_DEFAULT");
            (Some(s), on)
        } else if let Some((s, _)) = opt_in {
            let on = matches!(s.as_str(), "opt-in-not-required" | "opted-in");
            (Some(s), on)
        } else {
            // describe-regions without --all-regions lists enabled regions only.
            (None, true)
        };
        inv.regions.push(RegionEntry {
            region,
            enabled,
            status,
            from: kind,
            span: r.span(raw),
        });
    }
    let token = token.map(|(t, raw)| (t, r.span(raw)));
    snapshot(inv, file, kind, doc.root_span(), token);
}

/// An `--expect-accounts` file that is not list-accounts JSON: one account per
/// line (the first 12-digit number on it; the rest of the line names it), `#`
/// comments, blank lines; a CSV export of the console works too.
pub fn parse_account_list(
    file_id: FileId,
    file: &SourceFile,
) -> (Vec<OrgAccount>, Vec<Diagnostic>) {
    let mut accounts = Vec::new();
    let mut errors = Vec::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.split('#').next().unwrap_or("").trim_end();
        if body.trim().is_empty() {
            continue;
        }
        match twelve_digits(body) {
            Some(at) => {
                let rest = body[at + 12..]
                    .trim_matches(|c: char| c == ',' || c == ';' || c == '"' || c.is_whitespace());
                let name = rest
                    .split(',')
                    .next()
                    .map(|n| n.trim_matches('"').trim())
                    .filter(|n| !n.is_empty());
                accounts.push(OrgAccount {
                    id: body[at..at + 12].to_string(),
                    name: name.map(str::to_string),
                    email: None,
                    status: None,
                    active: true,
                    joined_ns: None,
                    from: Listed::Flag,
                    span: Span::new(file_id, start + at..start + at + 12),
                });
            }
            // A CSV header line names no account.
            None if accounts.is_empty() && body.to_ascii_lowercase().contains("account") => {}
            None => {
                let lead = body.len() - body.trim_start().len();
                errors.push(Diagnostic::at(
                    &file.name,
                    file_id,
                    start + lead..start + body.len(),
                    "expected a 12-digit account ID on this line",
                ).with_help("write one account ID per line (optionally followed by its name), or pass the JSON of `aws organizations list-accounts`"));
            }
        }
    }
    (accounts, errors)
}

/// Byte offset of the first account ID (exactly 12 digits).
fn twelve_digits(s: &str) -> Option<usize> {
    let mut first = None;
    crate::model::aws::account_id_runs(s.as_bytes(), |r| {
        first.get_or_insert(r.start);
    });
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_digit_runs() {
        assert_eq!(twelve_digits("111122223333"), Some(0));
        assert_eq!(twelve_digits("x 111122223333,prod"), Some(2));
        assert_eq!(twelve_digits("1111222233334"), None);
        assert_eq!(twelve_digits("12345 111122223333"), Some(6));
    }

    #[test]
    fn plain_account_lists() {
        let f = SourceFile::new(
            "accounts.txt".into(),
            "# expected\nAccount ID,Name\n111122223333, prod\n\"444455556666\",\"dev team\"\nnot an id\n".to_string(),
        );
        let (accounts, errors) = parse_account_list(0, &f);
        let ids: Vec<_> = accounts
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                ("111122223333", Some("prod")),
                ("444455556666", Some("dev team"))
            ]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            f.line_col(errors[0].input_span().map_or(0, |(_, s)| s.start))
                .line,
            5
        );
    }
}

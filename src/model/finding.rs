//! Findings: what a policy reported, located in the user's file.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// What a finding is about, as far as the input tells.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Resource {
    pub aggregator: Option<Arc<str>>,
    pub account: Option<Arc<str>>,
    pub region: Option<Arc<str>>,
}

/// Strings shared by every finding of a policy or a file are reference-counted,
/// so hundreds of thousands of findings cost little more than their messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: Arc<str>,
    pub severity: Severity,
    pub title: Arc<str>,
    pub message: String,
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub resource: Resource,
    /// Shared: most findings carry their policy's own text.
    pub remediation: Arc<str>,
    pub references: Arc<[String]>,
    /// Accepted by a suppression: still reported, never counted for the exit code.
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Arc<Suppression>>,
    /// Index of the file and byte range, for snippets.
    #[serde(skip)]
    pub file_id: u32,
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

impl Finding {
    /// Report order: file, line, column, rule, then the rest for a total order.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.line,
            self.column,
            &self.rule_id,
            self.end_line,
            self.end_column,
            &self.message,
            &self.resource,
        )
    }
}

impl Finding {
    /// What identifies the finding whatever line it moves to: the rule, the
    /// file, what it is about and the offending text (`text`, at its span),
    /// hashed. Identical findings share it; a baseline counts them.
    pub fn fingerprint(&self, text: &str) -> String {
        use sha2::{Digest, Sha256};
        let r = &self.resource;
        let mut h = Sha256::new();
        for part in [
            &*self.rule_id,
            &*self.file,
            r.aggregator.as_deref().unwrap_or(""),
            r.account.as_deref().unwrap_or(""),
            r.region.as_deref().unwrap_or(""),
            &text.split_whitespace().collect::<Vec<_>>().join(" "),
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        format!("{:x}", h.finalize())
    }
}

/// Where a suppression is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// An `aggrego:ignore` comment.
    Inline,
    /// CloudFormation `Metadata.aggrego.ignore`.
    Metadata,
    /// A waivers file entry.
    Waiver,
    /// An entry of the baseline (`--baseline`): a finding known when the
    /// baseline was made.
    Baseline,
}

impl SuppressionKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Metadata => "metadata",
            SuppressionKind::Waiver => "waiver",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

impl std::fmt::Display for SuppressionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a finding was accepted, and where that decision is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub reason: String,
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

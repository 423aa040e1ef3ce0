//! The rule catalogue as reports, `aggrego policies` and `aggrego explain` show it:
//! the policies that were loaded, plus the rules aggrego applies itself (waivers).

use crate::model::finding::Severity;
use crate::policy::{Checks, Policy};
use serde::Serialize;
use std::sync::Arc;

pub const INFORMATION_URI: &str = "https://github.com/aggrego/aggrego";

/// A rule aggrego itself reports, about suppressions rather than inputs.
pub const WAIVER_EXPIRED: &str = "AGG901";
pub const SUPPRESSION_UNUSED: &str = "AGG902";

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: Arc<str>,
    /// An identifier-like name (`SourceNotSucceeded`), as SARIF wants.
    pub name: String,
    pub title: Arc<str>,
    pub severity: Severity,
    pub description: String,
    pub remediation: std::sync::Arc<str>,
    pub inputs: Vec<String>,
    /// The input collection checked item by item; `None` for aggrego's own rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<Checks>,
    pub references: Vec<Reference>,
    /// Controls of published frameworks the rule supports.
    pub frameworks: Vec<crate::policy::framework::Framework>,
    /// `builtin`, `aggrego` (its own rules) or the policy file.
    pub origin: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    /// A catalogue name (`conformity`) for cross references, none for links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    pub reference: String,
}

impl Rule {
    pub fn from_policy(p: &Policy) -> Rule {
        let m = &p.meta;
        let mut references: Vec<Reference> = m
            .related_resources
            .iter()
            .map(|r| Reference {
                catalogue: None,
                reference: r.reference.clone(),
            })
            .collect();
        references.extend(
            m.custom
                .references
                .pairs()
                .into_iter()
                .map(|(k, v)| Reference {
                    catalogue: k,
                    reference: v,
                }),
        );
        Rule {
            id: Arc::from(p.id()),
            name: pascal_case(&name_source(p)),
            title: Arc::from(m.title.trim()),
            severity: m.custom.severity,
            description: m.description.trim().to_string(),
            remediation: m.custom.remediation.trim().into(),
            inputs: m.custom.inputs.clone(),
            checks: Some(m.custom.checks),
            references,
            frameworks: m.custom.frameworks.clone(),
            origin: if p.builtin {
                "builtin".into()
            } else {
                p.path.clone()
            },
        }
    }

    /// A link for "more information": the first URL among the references.
    pub fn help_uri(&self) -> &str {
        self.references
            .iter()
            .find(|r| r.catalogue.is_none() && r.reference.starts_with("https://"))
            .map_or(INFORMATION_URI, |r| r.reference.as_str())
    }
}

/// Rules about suppressions, always part of the catalogue.
pub fn own_rules() -> Vec<Rule> {
    let rule =
        |id: &str, name: &str, title: &str, severity, description: &str, remediation: &str| Rule {
            id: Arc::from(id),
            name: name.into(),
            title: Arc::from(title),
            severity,
            description: description.into(),
            remediation: remediation.into(),
            inputs: vec!["waivers".into()],
            checks: None,
            references: vec![Reference {
                catalogue: None,
                reference: format!("{INFORMATION_URI}#suppressions"),
            }],
            frameworks: Vec::new(),
            origin: "aggrego".into(),
        };
    vec![
        rule(
            WAIVER_EXPIRED,
            "WaiverExpired",
            "Waiver has expired",
            Severity::Low,
            "What it does: reports a waiver whose `expires` date is on or before the scan's \
             snapshot time. The findings it covered are reported again, unsuppressed.\n\n\
             Why it matters: a waiver accepts a risk for a stated time; once that time is \
             over, the risk needs fixing or a fresh, reviewed decision.",
            "Fix the findings the waiver covered, or review the risk again and set a new \
             `expires` date with an up-to-date reason.",
        ),
        rule(
            SUPPRESSION_UNUSED,
            "SuppressionUnused",
            "Suppression matches no finding",
            Severity::Info,
            "What it does: reports a waiver, an `aggrego:ignore` comment or a CloudFormation \
             `Metadata.aggrego.ignore` entry that suppressed nothing in this scan, for a rule \
             that ran.\n\n\
             Why it matters: a stale suppression silently accepts whatever appears at its \
             target next; removing it keeps accepted risks deliberate.",
            "Remove the suppression, or correct its rule id or target.",
        ),
    ]
}

/// The catalogue for a set of policies: each policy, then aggrego's own rules.
pub fn catalogue(policies: &[Policy]) -> Vec<Rule> {
    let mut rules: Vec<Rule> = policies.iter().map(Rule::from_policy).collect();
    rules.extend(own_rules());
    rules
}

/// `AGG001_source_not_succeeded.rego` → `source not succeeded`; otherwise the title.
fn name_source(p: &Policy) -> String {
    let file = p.path.rsplit('/').next().unwrap_or("");
    match file.strip_suffix(".rego").and_then(|f| f.split_once('_')) {
        Some((id, rest)) if id == p.id() && !rest.is_empty() => rest.replace('_', " "),
        _ => p.meta.title.clone(),
    }
}

fn pascal_case(words: &str) -> String {
    let mut out = String::new();
    for w in words.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut cs = w.chars();
        if let Some(first) = cs.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(cs);
        }
    }
    if out.is_empty() {
        out.push_str("Rule");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_identifiers() {
        assert_eq!(pascal_case("source not succeeded"), "SourceNotSucceeded");
        assert_eq!(pascal_case("Role ARN: wrong!"), "RoleARNWrong");
        assert_eq!(pascal_case("--"), "Rule");
        let policies = crate::policy::builtin_policies().unwrap();
        let rules = catalogue(&policies);
        let r = rules.iter().find(|r| &*r.id == "AGG001").unwrap();
        assert_eq!(r.name, "SourceNotSucceeded");
        assert!(r.help_uri().starts_with("https://docs.aws.amazon.com/"));
        assert!(rules.iter().any(|r| &*r.id == WAIVER_EXPIRED));
    }
}

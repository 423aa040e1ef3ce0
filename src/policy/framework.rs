//! Framework references: the controls of published frameworks (CIS, NIST SP
//! 800-53, AWS Foundational Security Best Practices, Conformity) a policy's
//! check supports, as its METADATA states them in `custom.frameworks`, with
//! where the framework says so (`citation`).

use serde::{Deserialize, Serialize};

/// One control of one framework that a policy supports.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The framework's name, with its version when its control ids depend on it
    /// (`CIS AWS Foundations Benchmark v3.0.0`).
    pub framework: String,
    /// The control's id in that framework (`3.3`, `CM-8`, `Config.1`).
    pub control: String,
    /// The control's title, as the framework words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the framework states the control: document, version, control, URL.
    pub citation: String,
}

/// Short names of the frameworks the built-in policies cite, for
/// `aggrego policies --framework` (the full name matches too). A framework
/// whose name starts with one of these prefixes answers to its alias.
pub const ALIASES: &[(&str, &str)] = &[
    ("cis-aws", "CIS AWS Foundations Benchmark"),
    ("conformity", "Trend Micro Cloud One Conformity"),
    ("fsbp", "AWS Foundational Security Best Practices"),
    ("nist-800-53", "NIST SP 800-53"),
];

/// The alias of a framework name, if it has one.
pub fn alias(name: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(_, prefix)| name.starts_with(prefix))
        .map(|(a, _)| *a)
}

/// Whether `query` (any case) names `framework`: its full name or its alias.
pub fn matches(framework: &str, query: &str) -> bool {
    let q = query.trim();
    framework.eq_ignore_ascii_case(q) || alias(framework).is_some_and(|a| a.eq_ignore_ascii_case(q))
}

/// A list of framework references that METADATA may hold: every text filled
/// in, no control listed twice. The error names the field (`custom.frameworks[1].control`).
pub fn check(list: &[Framework]) -> Result<(), (String, String)> {
    let mut seen = std::collections::BTreeSet::new();
    for (i, f) in list.iter().enumerate() {
        let at = |key: &str| format!("custom.frameworks[{i}].{key}");
        for (key, value) in [
            ("framework", f.framework.as_str()),
            ("control", f.control.as_str()),
            ("citation", f.citation.as_str()),
        ] {
            if value.trim().is_empty() {
                return Err((at(key), "must not be empty".into()));
            }
        }
        if f.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err((at("title"), "must not be empty (or leave it out)".into()));
        }
        if !seen.insert((f.framework.trim(), f.control.trim())) {
            return Err((
                at("control"),
                format!("{} {} is listed twice", f.framework, f.control),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_match_in_any_case() {
        let cis = "CIS AWS Foundations Benchmark v3.0.0";
        assert!(matches(cis, "cis-aws"));
        assert!(matches(cis, "CIS-AWS"));
        assert!(matches(cis, "cis aws foundations benchmark v3.0.0"));
        assert!(!matches(cis, "nist-800-53"));
        assert!(matches("My Framework", "my framework"));
        assert_eq!(alias("My Framework"), None);
    }
}

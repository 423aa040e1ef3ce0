//! Which rules run, and which fail the run whatever their severity: rule ids
//! checked against the catalogue once, in its spelling.

use crate::config::ScanConfig;
use crate::diag::Fatal;
use std::collections::BTreeSet;

/// Which rules run, and which fail the run whatever their severity.
pub struct Selection {
    pub only: BTreeSet<String>,
    pub skip: BTreeSet<String>,
    pub fail_on: BTreeSet<String>,
}

impl Selection {
    /// The selection `config` asks for, every id checked against `known`.
    pub fn new(config: &ScanConfig, known: &BTreeSet<String>) -> Result<Selection, Fatal> {
        let check = |flag: &str, ids: &[String]| -> Result<BTreeSet<String>, Fatal> {
            let mut out = BTreeSet::new();
            for id in ids {
                let id = id.trim();
                if id.is_empty() {
                    continue;
                }
                match known.iter().find(|k| k.eq_ignore_ascii_case(id)) {
                    Some(k) => {
                        out.insert(k.clone());
                    }
                    None => {
                        return Err(Fatal::flag(
                            flag,
                            format!(
                                "unknown rule `{id}` (known: {})",
                                known.iter().cloned().collect::<Vec<_>>().join(", ")
                            ),
                        ))
                    }
                }
            }
            Ok(out)
        };
        Ok(Selection {
            only: check("--only-rule", &config.only_rule)?,
            skip: check("--skip-rule", &config.skip_rule)?,
            fail_on: check("--fail-on-rule", &config.fail_on_rule)?,
        })
    }

    pub fn runs(&self, id: &str) -> bool {
        (self.only.is_empty() || self.only.contains(id)) && !self.skip.contains(id)
    }
}

//! How a scan's results were made: the snapshot manifests' capture details,
//! aggrego's version, the policies that ran (by SHA-256), the effective flags,
//! and who prepared the report. Reports and evidence packages show it beside
//! the scope (`resolve::scope`).

use crate::config::ScanConfig;
use crate::policy::engine::Engine;
use crate::resolve::scope::Capture;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub aggrego_version: String,
    /// `--prepared-by`, as given (it is shown cleaned).
    pub prepared_by: Option<String>,
    /// One per snapshot manifest in the inputs, by file name.
    pub snapshots: Vec<Capture>,
    /// The policies that ran, in catalogue order.
    pub policies: Vec<PolicyHash>,
    /// The options that decided the results (an evidence package: as it records them).
    pub flags: ScanConfig,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyHash {
    pub id: String,
    /// `builtin/<file>` or the user's path.
    pub file: String,
    pub builtin: bool,
    /// Of the policy's source text.
    pub sha256: String,
}

impl Provenance {
    pub fn new(config: &ScanConfig, engine: &Engine, snapshots: Vec<Capture>) -> Provenance {
        Provenance {
            aggrego_version: env!("CARGO_PKG_VERSION").to_string(),
            prepared_by: config.prepared_by.clone(),
            snapshots,
            policies: engine
                .policies()
                .iter()
                .map(|p| PolicyHash {
                    id: p.id().to_string(),
                    file: p.path.clone(),
                    builtin: p.builtin,
                    sha256: p.sha256(),
                })
                .collect(),
            flags: config.clone(),
        }
    }
}

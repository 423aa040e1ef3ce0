//! `manifest.json`: what a package holds and how its results were made. Every
//! list is sorted and every field has a fixed order, so the same package is
//! always the same bytes.

use crate::config::ScanConfig;
use crate::resolve::scope::{Capture, Scope};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "aggrego-evidence/1";
pub const FILE: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub tool: Tool,
    /// The scan's snapshot time (RFC 3339) and where it came from.
    pub now: String,
    pub now_source: String,
    pub flags: ScanConfig,
    /// `--prepared-by`, as given (never redacted: the preparer chose it).
    /// Absent from packages made before it existed, as are `scope` and `snapshots`.
    #[serde(default)]
    pub prepared_by: Option<String>,
    /// The accounts, regions and aggregators in scope, and where each list came from.
    #[serde(default)]
    pub scope: Scope,
    /// What each snapshot manifest of the inputs says of its capture: time,
    /// caller, CLI version, failed calls.
    #[serde(default)]
    pub snapshots: Vec<Capture>,
    /// The PATH arguments, in order, by their names in the package.
    pub roots: Vec<Root>,
    /// The policies that ran, in catalogue order.
    pub policies: Vec<PolicyEntry>,
    /// Helper modules the policies import.
    pub modules: Vec<Hashed>,
    /// Documents merged under `data.`.
    pub data: Vec<Hashed>,
    /// Every file under `inputs/`, whether or not the package holds it.
    pub inputs: Vec<Input>,
    /// Inputs that could not be read or stored when the package was made;
    /// reported by the scan and again by every re-run.
    pub input_errors: Vec<InputError>,
    pub inputs_included: bool,
    pub redacted: bool,
    pub redaction: Option<Redaction>,
    /// `--previous`: the package this one is compared with (its report.html
    /// shows the changes; `previous.json` holds what was compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    pub summary: Summary,
    /// Every file of the package but this one.
    pub files: Vec<PackageFile>,
    /// Who signed this manifest (`evidence --sign`): `manifest.json.sig` beside
    /// it holds the signature. Left out of an unsigned package's manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

/// The key a package's manifest is signed with, as `ssh-keygen -l` names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signature's file, beside manifest.json: an armored SSHSIG over
    /// manifest.json's exact bytes.
    pub file: String,
    /// The SSHSIG namespace (`ssh-keygen -Y verify -n`).
    pub namespace: String,
    /// `ssh-ed25519`.
    pub algorithm: String,
    /// `SHA256:` and the unpadded base64 of the public key's SHA-256.
    pub fingerprint: String,
    /// The key's comment.
    pub comment: String,
}

/// The previous package of a chain: its manifest.json's SHA-256 (`evidence
/// verify --previous` checks it) and its snapshot time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    pub manifest_sha256: String,
    pub now: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Root {
    pub name: String,
    /// `folder`, `file`, or `unreadable` (neither: its error is in `input_errors`).
    pub kind: String,
}

/// The names of the roots that are folders: the scanned roots a report's file
/// names are relative to.
pub fn folder_names(roots: &[Root]) -> Vec<String> {
    roots
        .iter()
        .filter(|r| r.kind == "folder")
        .map(|r| r.name.clone())
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyEntry {
    pub id: String,
    /// `builtin/<file>` or the package path of a user policy.
    pub file: String,
    pub builtin: bool,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hashed {
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// `<root name>/<path relative to the root>`, as the reports name it.
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputError {
    pub file: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    /// `default` (the documented public key) or `custom`.
    pub key: String,
    /// The first 16 hex digits of HMAC-SHA-256(key, "aggrego-redaction-key-check"):
    /// tells a wrong `--redact-key` from changed inputs.
    pub key_check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub files_scanned: usize,
    pub findings: usize,
    pub suppressed: usize,
    pub errors: usize,
    /// Unsuppressed findings per severity, most severe first, zero counts left out.
    pub by_severity: Vec<SeverityCount>,
    /// The exit code of the run that made the package.
    pub exit_code: u8,
    /// Results per control, by rule id (`report::controls`).
    #[serde(default)]
    pub by_rule: Vec<ControlCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlCount {
    pub rule: String,
    /// `PASS`, `FAIL` or `NOT APPLICABLE`.
    pub status: String,
    pub checks: String,
    pub checked: usize,
    pub failed: usize,
    pub findings: usize,
    pub suppressed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityCount {
    pub severity: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

impl Manifest {
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain structs of strings and numbers cannot fail.
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }
}

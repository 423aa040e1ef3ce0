//! The scan configuration: every option that decides a scan's results, parsed
//! once (by clap's value parsers) into types. `scan`, `inspect`, `evidence` and
//! `evidence verify` build their scan from it, and an evidence package records
//! it as it is (`flags` in its manifest; durations as nanoseconds, paths as the
//! package's own).

use crate::config::cli::{FailOn, InputArgs, PolicyArgs, RuleArgs, ScanArgs};
use crate::model::timestamp::Instant;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanConfig {
    /// The files and folders scanned (a package records its roots apart).
    #[serde(skip)]
    pub paths: Vec<PathBuf>,
    /// `--now`, when given.
    #[serde(with = "rfc3339")]
    pub now: Option<Instant>,
    /// `--max-age`.
    #[serde(rename = "max_age_ns", with = "nanos")]
    pub max_age: Duration,
    pub aggregator: Option<String>,
    pub region: Option<String>,
    pub max_file_size: u64,
    pub max_files: usize,
    /// `--max-aggregators-per-file`, `--max-items-per-file`,
    /// `--max-findings-per-rule`, `--max-errors-per-file` (their defaults in a
    /// package made before they existed).
    #[serde(default = "defaults::aggregators")]
    pub max_aggregators_per_file: usize,
    #[serde(default = "defaults::items")]
    pub max_items_per_file: usize,
    #[serde(default = "defaults::findings")]
    pub max_findings_per_rule: usize,
    #[serde(default = "defaults::errors")]
    pub max_errors_per_file: usize,
    /// `--expect-accounts`.
    #[serde(with = "path")]
    pub expect_accounts: Option<PathBuf>,
    /// `--expect-regions` (a package records them sorted, each once).
    pub expect_regions: Vec<String>,
    /// `--policy` paths.
    #[serde(with = "paths")]
    pub policy: Vec<PathBuf>,
    /// `--data` files.
    #[serde(with = "paths")]
    pub data: Vec<PathBuf>,
    pub no_builtin: bool,
    /// `--policy-timeout`.
    #[serde(rename = "policy_timeout_ns", with = "nanos")]
    pub policy_timeout: Duration,
    /// `--only-rule`, `--skip-rule`, `--fail-on-rule`: rule ids as given
    /// (a package records them in catalogue spelling, sorted).
    pub only_rule: Vec<String>,
    pub skip_rule: Vec<String>,
    pub fail_on: FailOn,
    pub fail_on_rule: Vec<String>,
    /// `--waivers`.
    #[serde(with = "path")]
    pub waivers: Option<PathBuf>,
    /// `--baseline` (`scan` only: an evidence package records every finding).
    #[serde(skip)]
    pub baseline: Option<PathBuf>,
    /// `--aggregator-in-every-region`.
    #[serde(default)]
    pub aggregator_in_every_region: bool,
    /// `--skip-unrecognised`.
    #[serde(default)]
    pub skip_unrecognised: bool,
    /// `--parameter`, as `KEY=VALUE`, in the order given.
    #[serde(default, with = "key_values")]
    pub parameters: Vec<(String, String)>,
    /// `--parameter-file` files.
    #[serde(default, with = "paths")]
    pub parameter_files: Vec<PathBuf>,
    /// `--var`, as `NAME=VALUE`, in the order given (`TF_VAR_*` are read from
    /// the environment by `scan` and `inspect`, never recorded: they may be
    /// secrets, and a package must not depend on the environment).
    #[serde(default, with = "key_values")]
    pub vars: Vec<(String, String)>,
    /// `--var-file` files.
    #[serde(default, with = "paths")]
    pub var_files: Vec<PathBuf>,
    /// `--prepared-by` (`scan` and `evidence`): who prepared the report, as given.
    #[serde(default)]
    pub prepared_by: Option<String>,
}

impl ScanConfig {
    /// The configuration the flags give (each value already parsed by clap).
    pub fn from_args(input: &InputArgs, policies: &PolicyArgs, rules: &RuleArgs) -> ScanConfig {
        ScanConfig {
            paths: input.paths.clone(),
            now: input.now.clone(),
            max_age: input.max_age,
            aggregator: input.aggregator.clone(),
            region: input.region.clone(),
            max_file_size: input.max_file_size,
            max_files: input.max_files,
            max_aggregators_per_file: input.max_aggregators_per_file,
            max_items_per_file: input.max_items_per_file,
            max_findings_per_rule: input.max_findings_per_rule,
            max_errors_per_file: input.max_errors_per_file,
            expect_accounts: input.expect_accounts.clone(),
            expect_regions: input
                .expect_regions
                .iter()
                .filter(|r| !r.is_empty())
                .cloned()
                .collect(),
            aggregator_in_every_region: input.aggregator_in_every_region,
            skip_unrecognised: input.skip_unrecognised,
            parameters: input.parameter.clone(),
            parameter_files: input.parameter_file.clone(),
            vars: input.var.clone(),
            var_files: input.var_file.clone(),
            policy: policies.policy.clone(),
            data: policies.data.clone(),
            no_builtin: policies.no_builtin,
            policy_timeout: policies.policy_timeout,
            only_rule: rules.only_rule.clone(),
            skip_rule: rules.skip_rule.clone(),
            fail_on: rules.fail_on,
            fail_on_rule: rules.fail_on_rule.clone(),
            waivers: rules.waivers.clone(),
            baseline: None,
            prepared_by: None,
        }
    }

    /// The input flags' part (`inspect`), the rest at its defaults.
    pub fn from_input(input: &InputArgs) -> ScanConfig {
        let d = default_args();
        ScanConfig::from_args(input, &d.policies, &d.rules)
    }
}

/// `aggrego scan` with no flag: the command line's own defaults, so they are
/// written in one place.
pub fn default_args() -> ScanArgs {
    #[derive(clap::Parser)]
    struct Defaults {
        #[command(flatten)]
        scan: ScanArgs,
    }
    // The command line's defaults always parse; were they ever broken, every
    // run would show clap's message and stop the same way.
    <Defaults as clap::Parser>::try_parse_from(["aggrego"])
        .unwrap_or_else(|e| e.exit())
        .scan
}

/// `TF_VAR_NAME` environment variables, as Terraform reads them (`scan` and
/// `inspect`; an evidence package records values given with flags only).
pub fn tf_env_vars() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| {
            let name = k.to_str()?.strip_prefix("TF_VAR_")?.to_string();
            Some((name, v.into_string().ok()?))
        })
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.sort();
    out
}

impl Default for ScanConfig {
    fn default() -> Self {
        let d = default_args();
        ScanConfig::from_args(&d.input, &d.policies, &d.rules)
    }
}

/// The per-file limits of a package made before they existed: the defaults.
mod defaults {
    use super::ScanConfig;

    pub(super) fn aggregators() -> usize {
        ScanConfig::default().max_aggregators_per_file
    }
    pub(super) fn items() -> usize {
        ScanConfig::default().max_items_per_file
    }
    pub(super) fn findings() -> usize {
        ScanConfig::default().max_findings_per_rule
    }
    pub(super) fn errors() -> usize {
        ScanConfig::default().max_errors_per_file
    }
}

/// A duration as whole nanoseconds.
mod nanos {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub(super) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
    }

    /// Packages wrote `max_age_ns` as a signed number.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Nanos {
        Unsigned(u64),
        Signed(i64),
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_nanos(match Nanos::deserialize(d)? {
            Nanos::Unsigned(n) => n,
            Nanos::Signed(n) => n.max(0) as u64,
        }))
    }
}

/// An optional time as its RFC 3339 text.
mod rfc3339 {
    use crate::model::timestamp::{self, Instant};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub(super) fn serialize<S: Serializer>(t: &Option<Instant>, s: S) -> Result<S::Ok, S::Error> {
        t.as_ref().map(|t| t.rfc3339.as_str()).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Instant>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => timestamp::parse(&s)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("`{s}` is not an RFC 3339 time"))),
        }
    }
}

/// `KEY=VALUE` pairs as their text.
mod key_values {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        v: &[(String, String)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(k, v)| format!("{k}={v}")))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(String, String)>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|p| crate::config::cli::parse_key_value(p).map_err(D::Error::custom))
            .collect()
    }
}

/// A path as text (a package's paths are its own, always UTF-8).
mod path {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::path::PathBuf;

    pub(super) fn serialize<S: Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
        p.as_ref().map(|p| p.to_string_lossy()).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<PathBuf>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(PathBuf::from))
    }
}

mod paths {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::path::PathBuf;

    pub(super) fn serialize<S: Serializer>(p: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(p.iter().map(|p| p.to_string_lossy()))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
        Ok(Vec::<String>::deserialize(d)?
            .into_iter()
            .map(PathBuf::from)
            .collect())
    }
}

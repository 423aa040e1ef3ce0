//! The command line. The doc comments here are the `--help` text.

use crate::model::finding::Severity;
use crate::model::timestamp::Instant;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

/// Audit AWS Config configuration aggregators offline, with policies in Rego.
///
/// aggrego reads saved AWS CLI / boto3 output of `describe-configuration-aggregators` and
/// `describe-configuration-aggregator-sources-status`, and reports every source that is not
/// collecting data, with the file, line and column, the reason and the fix. No credentials,
/// no network.
#[derive(Debug, Parser)]
#[command(name = "aggrego", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and folders and report findings.
    ///
    /// Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 an input or
    /// policy error (the rest of the scan still runs and is reported).
    #[command(after_help = "Examples:
  aggrego scan snapshot/
  aggrego scan snapshot/ --format json --now 2026-11-23T15:00:00Z
  aggrego scan sources-status.json --aggregator org-aggregator --region us-east-1
  aggrego scan . --fail-on medium --format json --output aggrego.json
  aggrego scan infra/ --format human --format sarif=aggrego.sarif --format junit=junit.xml
  aggrego scan . --fail-on never --fail-on-rule AGG001 --skip-rule AGG010
  aggrego scan . --waivers security/aggrego-waivers.yaml --format markdown=comment.md
  aggrego scan . --policy my-policies/ --data my-policies/data.yaml")]
    Scan(Box<ScanArgs>),

    /// Record today's findings, so that a repository adopts aggrego with only
    /// new findings failing its runs (`scan --baseline FILE`).
    #[command(subcommand)]
    Baseline(BaselineSub),

    /// Print the scan's effective options and where each came from: the
    /// command line, the configuration file (with its line) or the default.
    #[command(after_help = "Examples:
  aggrego config
  aggrego config --fail-on high infra/")]
    Config(Box<ScanArgs>),

    /// List the policies: id, severity, title, inputs.
    #[command(after_help = "Examples:
  aggrego policies
  aggrego policies --format json | jq '.[] | select(.severity == \"high\")'")]
    Policies(PoliciesArgs),

    /// Show a policy's full description, remediation and references.
    #[command(after_help = "Example:
  aggrego explain AGG001")]
    Explain(ExplainArgs),

    /// Run policy tests: `test_*` rules and fixture folders, like `opa test`.
    ///
    /// Exit codes: 0 every test passed; 1 a test failed; 2 a policy or fixture could not be loaded.
    #[command(after_help = "Examples:
  aggrego test examples/policies
  aggrego test policies/ --run 'name_prefix' --coverage
  aggrego test my-policies/ --data my-policies/data.yaml --format json")]
    Test(TestArgs),

    /// Print the normalised input exactly as policies see it (`input`), as JSON.
    #[command(after_help = "Examples:
  aggrego inspect snapshot/ | jq '.aggregators[0]'
  aggrego inspect main.tf --locations
  aggrego inspect --schema > input.schema.json")]
    Inspect(Box<InspectArgs>),

    /// Print a script that exports a snapshot folder for `aggrego scan`.
    ///
    /// Whoever holds read-only AWS credentials runs the script; it makes only
    /// describe, list and get calls with the AWS CLI (v1 or v2), follows every page,
    /// and writes, under the folder given as its first argument (default
    /// ./aggrego-snapshot, which must be new or empty):
    ///
    ///   caller-identity.json, organizations/list-accounts.json (when permitted),
    ///   regions.json (unless --regions), REGION/describe-configuration-aggregators.json,
    ///   REGION/AGGREGATOR/sources-status.json, and manifest.json last.
    ///
    /// A failed call is recorded in manifest.json and the capture goes on; the script then
    /// exits 1 (2 when nothing could be captured). AWS_PROFILE, AWS_REGION and
    /// AWS_ENDPOINT_URL are honoured. This command only prints the script.
    #[command(after_help = "Examples:
  aggrego collect-script > collect.sh
  AWS_PROFILE=audit bash collect.sh snapshot/ && aggrego scan snapshot/
  aggrego collect-script --regions us-east-1,eu-west-1 > collect.sh
  aggrego collect-script --shell powershell > collect.ps1
  pwsh -File collect.ps1 snapshot")]
    CollectScript(CollectScriptArgs),

    /// Build an evidence package for auditors, or verify one (`evidence verify`).
    ///
    /// The package holds manifest.json (tool, policies, flags, snapshot time, the
    /// SHA-256 and size of every input and file, results summary), results.json,
    /// results.sarif, report.html, the policies and waivers used, and the inputs
    /// (unless --no-inputs). Same inputs and flags: the same bytes. Exit codes as
    /// for scan (0, 1 by --fail-on, 2 errors); the package is written in every
    /// case, except when the inputs hold no timestamp and --now is not given.
    #[command(
        args_conflicts_with_subcommands = true,
        subcommand_negates_reqs = true,
        after_help = "Examples:
  aggrego evidence snapshot/ --out evidence.zip
  aggrego evidence snapshot/ --out evidence/ --now 2026-11-23T15:00:00Z --force
  aggrego evidence snapshot/ --policy my-policies/ --out evidence.zip --redact
  aggrego evidence snapshot/ --out evidence.zip --no-inputs
  aggrego evidence snapshot/ --out evidence.zip --sign evidence-key
  aggrego evidence verify evidence.zip
  aggrego evidence verify evidence.zip --inputs snapshot/"
    )]
    Evidence(Box<EvidenceCmd>),

    /// Make an Ed25519 key for signing evidence packages (`evidence --sign`).
    ///
    /// Writes the OpenSSH private key to FILE (mode 0600; encrypted when the
    /// environment variable AGGREGO_KEY_PASSPHRASE is set and not empty) and
    /// the public key to FILE.pub, and prints the public key, its fingerprint
    /// and the allowed_signers line for `evidence verify --key` and
    /// `ssh-keygen -Y verify`. Neither file may exist already. Exit codes: 0
    /// written; 2 not written.
    #[command(after_help = "Examples:
  aggrego keygen --out evidence-key
  AGGREGO_KEY_PASSPHRASE=... aggrego keygen --out evidence-key --identity audit@example.com")]
    Keygen(KeygenArgs),

    /// Compare two scans of the same organisation: findings new, resolved and
    /// unchanged (by rule), accounts and regions that entered or left scope,
    /// and sources whose status changed.
    ///
    /// OLD and NEW are each a JSON report (`aggrego scan --format json`) or an
    /// evidence package (a folder or .zip file made by `aggrego evidence`). A
    /// finding is the same on both sides when its rule, file (relative to the
    /// scanned root) and resource (aggregator, account, region) are: a line
    /// move is no change. The scope is the one each report records; source
    /// statuses are read from a package's inputs (a JSON report does not
    /// record them, and the diff says they are unknown). Suppressed findings
    /// are listed apart and never counted.
    ///
    /// Exit codes: 0 no new finding at or above --fail-on; 1 such a finding;
    /// 2 an input that is neither a report nor a package, or the output
    /// cannot be written.
    #[command(after_help = "Examples:
  aggrego diff last-quarter.zip this-quarter.zip
  aggrego diff old.json new.json --format json --output diff.json
  aggrego diff evidence-2026-10/ evidence-2026-11/ --format html -o changes.html
  aggrego diff old.json new.json --fail-on high")]
    Diff(Box<DiffArgs>),

    /// Print a shell completion script.
    #[command(after_help = "Examples:
  aggrego completions bash > ~/.local/share/bash-completion/completions/aggrego
  aggrego completions zsh > \"${fpath[1]}/_aggrego\"
  aggrego completions fish > ~/.config/fish/completions/aggrego.fish")]
    Completions(CompletionsArgs),
}

#[derive(Debug, Subcommand)]
pub enum BaselineSub {
    /// Scan, and write every finding (not suppressed) to the baseline file by
    /// its fingerprint, which does not change when the finding moves to
    /// another line. Exit codes: 0 written; 2 an input, policy or usage error
    /// (the file is written all the same, without what could not be read).
    #[command(after_help = "Examples:
  aggrego baseline create .
  aggrego baseline create infra/ snapshot/ --output security/aggrego-baseline.json
  aggrego scan . --baseline .aggrego-baseline.json")]
    Create(Box<BaselineCreateArgs>),
}

#[derive(Debug, clap::Args)]
pub struct BaselineCreateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub policies: PolicyArgs,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// The baseline file to write.
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = ".aggrego-baseline.json"
    )]
    pub output: PathBuf,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, clap::Args)]
pub struct EvidenceCmd {
    #[command(subcommand)]
    pub verify: Option<EvidenceSub>,
    #[command(flatten)]
    pub create: EvidenceArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvidenceSub {
    /// Check an evidence package: every hash, then the recorded policies re-run
    /// on its inputs; every difference is listed.
    ///
    /// Exit codes: 0 intact and reproduces (and, with --key, signed by that key);
    /// 1 a difference (changed, missing or extra file, other findings, a
    /// missing, wrong or broken signature) or it cannot be reproduced; 2 not a
    /// readable package, or a --key file that is not a key.
    #[command(after_help = "Examples:
  aggrego evidence verify evidence.zip
  aggrego evidence verify evidence.zip --key evidence-key.pub
  aggrego evidence verify evidence/
  aggrego evidence verify evidence.zip --inputs snapshot/ --inputs status.json")]
    Verify(VerifyArgs),
}

#[derive(Debug, clap::Args)]
pub struct EvidenceArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub policies: PolicyArgs,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// Where the package goes: a folder, or a zip file when the name ends in `.zip`.
    /// Written atomically.
    #[arg(long, value_name = "DIR|FILE.zip", required = true)]
    pub out: Option<PathBuf>,

    /// Leave the inputs out of the package (their names, sizes and SHA-256 stay
    /// in the manifest; `evidence verify --inputs` checks and re-runs them).
    #[arg(long)]
    pub no_inputs: bool,

    /// Replace AWS account IDs (any 12-digit number), e-mail addresses and
    /// organization account names with stable pseudonyms, in the inputs before
    /// the scan, so no artefact of the package holds them.
    #[arg(long)]
    pub redact: bool,

    /// Secret for --redact's pseudonyms (HMAC-SHA-256). Without one, a fixed
    /// public key is used, and a pseudonym can be traced back to its account
    /// ID by trying every 12-digit number.
    #[arg(
        long,
        value_name = "KEY",
        env = "AGGREGO_REDACT_KEY",
        hide_env_values = true,
        requires = "redact"
    )]
    pub redact_key: Option<String>,

    /// Who prepared the report or package (free text, e.g. "J. Doe, Internal
    /// Audit"): recorded in its provenance as given, shown with control
    /// characters escaped. Not redacted by --redact.
    #[arg(long, value_name = "NAME", value_parser = parse_prepared_by)]
    pub prepared_by: Option<String>,

    /// Sign the package with this OpenSSH Ed25519 private key (`aggrego keygen`
    /// or `ssh-keygen -t ed25519`): manifest.json.sig, an SSH signature
    /// (namespace aggrego-evidence) over manifest.json, which records the key's
    /// fingerprint. An encrypted key's passphrase is read from
    /// AGGREGO_KEY_PASSPHRASE.
    #[arg(long, value_name = "KEYFILE")]
    pub sign: Option<PathBuf>,

    /// The previous evidence package (a folder or .zip file): report.html shows
    /// what changed since it, and the manifest records its manifest.json's
    /// SHA-256 (`evidence verify --previous` checks it). A redacted package
    /// compares only with one redacted with the same key.
    #[arg(long, value_name = "PACKAGE")]
    pub previous: Option<PathBuf>,

    /// Replace an existing package at --out.
    #[arg(long)]
    pub force: bool,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier scan: a JSON report or an evidence package.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later scan: a JSON report or an evidence package.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Write the diff to FILE instead of standard output (replaced atomically,
    /// as scan's reports are; never over OLD or NEW).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Exit 1 when a new finding (not suppressed) has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
}

/// What `aggrego diff` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The package: a folder or a zip file.
    pub package: PathBuf,

    /// For a package made with --no-inputs: the original inputs, one per PATH
    /// given when it was made, in the same order.
    #[arg(long = "inputs", value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// The key the package was redacted with, when it was not the default.
    #[arg(
        long,
        value_name = "KEY",
        env = "AGGREGO_REDACT_KEY",
        hide_env_values = true
    )]
    pub redact_key: Option<String>,

    /// Check that the package was signed by this key: an OpenSSH public key
    /// file (KEY.pub) or an allowed_signers file (any key it lists for the
    /// namespace aggrego-evidence). Without it, the signature is checked
    /// against the manifest but not who made it, and verify says so.
    #[arg(long, value_name = "PUBFILE")]
    pub key: Option<PathBuf>,

    /// For a package made with --previous: the previous package, whose
    /// manifest.json must have the SHA-256 the package records.
    #[arg(long, value_name = "PACKAGE")]
    pub previous: Option<PathBuf>,

    /// Read at most this much of the package, inflated (e.g. 1GiB, 200MB); a
    /// larger package is not verified, whatever its manifest says.
    #[arg(long, value_name = "SIZE", default_value = "1GiB", value_parser = parse_size)]
    pub max_package_size: u64,

    /// Refuse a package with more files than this.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_package_files: usize,

    /// Stop a policy whose re-run takes longer than this; a package's own
    /// recorded timeout may only lower it.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration)]
    pub policy_timeout: Duration,
}

#[derive(Debug, clap::Args)]
pub struct KeygenArgs {
    /// The private key's file; the public key goes to FILE.pub.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// The key's comment and its principal in the allowed_signers line (no
    /// spaces, commas or quotes).
    #[arg(long, value_name = "NAME", default_value = "aggrego-evidence")]
    pub identity: String,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Policy files and folders: their `test_*` rules run, and every folder named
    /// after a policy id holding an `expected.json` is scanned and compared.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Run only tests whose `package.rule` name (or fixture folder) matches this regex.
    #[arg(long, value_name = "REGEX")]
    pub run: Option<String>,

    /// Report which lines of the policies the tests reached.
    #[arg(long)]
    pub coverage: bool,

    /// A JSON or YAML document merged under `data.`; repeatable.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// Stop a test whose evaluation takes longer than this.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration)]
    pub policy_timeout: Duration,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Also print where each `loc` id points (file, line, column), beside the input.
    #[arg(long)]
    pub locations: bool,

    /// Print the JSON Schema of the input model instead.
    #[arg(long, conflicts_with = "locations")]
    pub schema: bool,
}

#[derive(Debug, clap::Args)]
pub struct PoliciesArgs {
    #[command(flatten)]
    pub policies: PolicyArgs,

    /// List the controls of one framework instead, each with the rules that
    /// support it: its name or alias, any case (cis-aws, conformity, fsbp,
    /// nist-800-53, or a framework named by a custom policy).
    #[arg(long, value_name = "NAME")]
    pub framework: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Policy id, e.g. AGG001 (case does not matter).
    pub id: String,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct CollectScriptArgs {
    /// The script's language.
    #[arg(long, value_enum, default_value_t = ScriptShell::Bash)]
    pub shell: ScriptShell,

    /// Capture these regions (comma-separated or repeated) instead of the account's
    /// enabled regions, listed when the script runs.
    #[arg(long, value_name = "REGION", value_delimiter = ',')]
    pub regions: Vec<String>,

    /// Print the least-privilege IAM policy the script needs (read-only calls),
    /// instead of the script.
    #[arg(long, conflicts_with_all = ["shell", "regions"])]
    pub iam_policy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScriptShell {
    /// bash 3.2 or later (Linux, macOS, WSL, CloudShell).
    Bash,
    /// Windows PowerShell 5.1 or PowerShell 7.
    Powershell,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// One `--format` value: a format, and the file it goes to (standard output when none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub format: Format,
    pub file: Option<PathBuf>,
}

fn parse_format_spec(s: &str) -> Result<FormatSpec, String> {
    let (name, file) = match s.split_once('=') {
        Some((n, "")) => return Err(format!("`{n}=` needs a file name")),
        Some((n, f)) => (n, Some(PathBuf::from(f))),
        None => (s, None),
    };
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!(
            "unknown format `{name}` (expected one of {})",
            names.join(", ")
        )
    })?;
    Ok(FormatSpec { format, file })
}

/// What is scanned and how it is read (shared by `scan` and `inspect`).
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files and folders to scan (folders recursively).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Snapshot time (RFC 3339). Default: a snapshot manifest's capture time, else
    /// the newest timestamp in the scanned snapshot, else the clock. The report
    /// states which was used.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub now: Option<Instant>,

    /// Oldest allowed last update of a SUCCEEDED source (AGG006), e.g. 24h, 90m, 2d.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub max_age: Duration,

    /// Aggregator that sources-status files belong to (they do not name it).
    #[arg(long, value_name = "NAME")]
    pub aggregator: Option<String>,

    /// Region of the aggregator when neither its ARN nor the path names one.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Larger files are reported as errors and not read (e.g. 512MiB, 2GB).
    #[arg(long, value_name = "SIZE", default_value = "512MiB", value_parser = parse_size)]
    pub max_file_size: u64,

    /// Scan at most this many files; the rest are reported, not read.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub max_files: usize,

    /// Read at most this many aggregators from one file; the rest are reported
    /// (AWS allows 50 per account and region).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_aggregators_per_file: usize,

    /// Read at most this many source statuses from one file; the rest are reported.
    #[arg(long, value_name = "N", default_value_t = 5_000_000)]
    pub max_items_per_file: usize,

    /// Report at most this many findings of one rule in one file; the rest are counted.
    #[arg(long, value_name = "N", default_value_t = 5_000_000)]
    pub max_findings_per_rule: usize,

    /// Report at most this many errors in one file; the rest are counted.
    #[arg(long, value_name = "N", default_value_t = 1_000)]
    pub max_errors_per_file: usize,

    /// Accounts expected to report (AGG007): `aws organizations list-accounts`
    /// JSON, or one 12-digit account ID per line. Default: the ACTIVE accounts
    /// of a list-accounts output in the scan.
    #[arg(long, value_name = "FILE")]
    pub expect_accounts: Option<PathBuf>,

    /// Regions expected to report (AGG002, AGG007), comma-separated or repeated.
    /// Default: the enabled regions of a region list in the scan, else the
    /// regions a snapshot manifest captured.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_region)]
    pub expect_regions: Vec<String>,

    /// Skip files named on the command line that hold no aggregator data, as a
    /// folder's are skipped, rather than report them (for hooks that pass every
    /// changed file). Only the files named are reported either way.
    #[arg(long)]
    pub skip_unrecognised: bool,

    /// Require an aggregator of its own in every region (Config-006's literal
    /// audit step): AGG002 then reports a region that another region's
    /// aggregator collects at medium, not info.
    #[arg(long)]
    pub aggregator_in_every_region: bool,

    /// A CloudFormation parameter value for the templates that declare it, as
    /// `aws cloudformation deploy --parameter-overrides KEY=VALUE` (repeatable;
    /// applied after --parameter-file).
    #[arg(long = "parameter", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub parameter: Vec<(String, String)>,

    /// A CloudFormation parameters file: the JSON of `aws cloudformation
    /// create-stack --parameters file://…` ([{"ParameterKey", "ParameterValue"}])
    /// or of `deploy --parameter-overrides file://…` (["KEY=VALUE"] or
    /// {"Parameters": {…}}); repeatable, later files win.
    #[arg(long = "parameter-file", value_name = "FILE")]
    pub parameter_file: Vec<PathBuf>,

    /// A Terraform variable value, as `terraform plan -var NAME=VALUE`
    /// (repeatable; applied after --var-file). TF_VAR_NAME environment
    /// variables are read too, as Terraform reads them.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub var: Vec<(String, String)>,

    /// A Terraform variables file (`.tfvars` or `.tfvars.json`), as `terraform
    /// plan -var-file` (repeatable, later files win). Only terraform.tfvars and
    /// *.auto.tfvars files of a module are read without it.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
}

/// An RFC 3339 time (`--now`).
fn parse_time(s: &str) -> Result<Instant, String> {
    crate::model::timestamp::parse(s)
        .ok_or_else(|| format!("`{s}` is not an RFC 3339 time (e.g. 2026-11-23T15:00:00Z)"))
}

/// A duration (`--max-age`, `--policy-timeout`): 24h, 90m, 2d, 30s.
fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("`{s}`: {e} (e.g. 24h, 90m, 30s)"))
}

/// `--prepared-by`: spaces around it trimmed; not empty, at most 200 characters.
fn parse_prepared_by(s: &str) -> Result<String, String> {
    let t = s.trim();
    match t.chars().count() {
        0 => Err("give who prepared it (free text)".into()),
        n if n > 200 => Err(format!("{n} characters: at most 200")),
        _ => Ok(t.to_string()),
    }
}

/// A size in bytes (`--max-file-size`, `--max-package-size`): 512MiB, 2GB.
fn parse_size(s: &str) -> Result<u64, String> {
    s.parse::<bytesize::ByteSize>()
        .map(|b| b.as_u64())
        .map_err(|e| format!("`{s}`: {e} (e.g. 512MiB, 2GB)"))
}

/// An AWS region code (`--expect-regions`), spaces around it ignored; an
/// empty entry (`a,,b`, a trailing comma) is passed over by the scan.
fn parse_region(s: &str) -> Result<String, String> {
    let r = s.trim();
    if r.is_empty() || crate::model::aws::is_region_code(r) {
        Ok(r.to_string())
    } else {
        Err(format!(
            "`{r}` is not an AWS region code (e.g. us-east-1, eu-west-1)"
        ))
    }
}

/// `NAME=VALUE`, as `--parameter` and `--var` take it (and packages and
/// fixtures record it).
pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("`{s}` is not NAME=VALUE")),
    }
}

/// Which policies run (shared by every command that loads policies).
#[derive(Debug, Clone, clap::Args)]
pub struct PolicyArgs {
    /// Your own policies: a .rego file or a folder (recursive); repeatable.
    /// `*_test.rego` files hold tests for `aggrego test`.
    #[arg(long = "policy", value_name = "PATH")]
    pub policy: Vec<PathBuf>,

    /// A JSON or YAML document merged under `data.` (allow-lists, expected
    /// regions, thresholds); repeatable.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// Run only the --policy policies, not the built-in catalogue.
    #[arg(long)]
    pub no_builtin: bool,

    /// Stop a policy whose evaluation takes longer than this (its error is reported).
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration)]
    pub policy_timeout: Duration,
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub policies: PolicyArgs,

    /// Report format, optionally with the file it is written to (atomically);
    /// repeat for several reports in one run. Formats: human, compact, json, sarif,
    /// junit, markdown, html, codequality. Default: human on standard output.
    #[arg(long, value_name = "FORMAT[=FILE]", value_parser = parse_format_spec)]
    pub format: Vec<FormatSpec>,

    /// JUnit: write only the failing and erroring test cases (no passes, no
    /// suppressed items).
    #[arg(long)]
    pub junit_failures_only: bool,

    /// SARIF: at most this many results (GitHub shows 5,000 and rejects more than
    /// 25,000 per run); unsuppressed and most severe first, then report order. A
    /// tool notification says how many were left out.
    #[arg(long, value_name = "N", default_value_t = 5000,
          value_parser = clap::value_parser!(u64).range(1..=25_000))]
    pub sarif_max_results: u64,

    /// SARIF: the repository root that artifact paths are relative to (as
    /// `%SRCROOT%`); files outside it keep absolute `file://` URIs. Default: the
    /// current directory.
    #[arg(long, value_name = "DIR")]
    pub sarif_root: Option<PathBuf>,

    /// Write the report given without `=FILE` to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// Never show a progress bar (it only appears on a terminal, after a moment).
    #[arg(long)]
    pub no_progress: bool,

    /// Colour in human output: auto uses it on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Human and compact output: the summary and errors only, no findings.
    #[arg(short, long)]
    pub quiet: bool,

    /// Human and compact output: show findings of at least this severity
    /// (display only: --fail-on decides the exit code, other formats hold all).
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = Shown::Info)]
    pub min_severity: Shown,

    /// Exit 2 when the scanned paths hold no aggregator data at all (a
    /// warning otherwise): a CI job pointed at the wrong folder fails.
    #[arg(long)]
    pub fail_on_empty: bool,

    /// Read options from FILE (keys: the long flag names) instead of the
    /// nearest `.aggrego.yaml` in this folder or one above it. Flags override it.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Read no configuration file.
    #[arg(long)]
    pub no_config: bool,

    /// Accept the findings of this baseline (`aggrego baseline create`): only
    /// new findings count for the exit code; the others are reported as
    /// accepted, and entries matching nothing are named (AGG902).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Who prepared the report or package (free text, e.g. "J. Doe, Internal
    /// Audit"): recorded in its provenance as given, shown with control
    /// characters escaped. Not redacted by --redact.
    #[arg(long, value_name = "NAME", value_parser = parse_prepared_by)]
    pub prepared_by: Option<String>,
}

/// The least severity shown (`--min-severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shown {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Shown {
    pub fn severity(self) -> crate::model::finding::Severity {
        use crate::model::finding::Severity;
        match self {
            Shown::Info => Severity::Info,
            Shown::Low => Severity::Low,
            Shown::Medium => Severity::Medium,
            Shown::High => Severity::High,
            Shown::Critical => Severity::Critical,
        }
    }
}

/// Which rules run, which fail the run, and the accepted risks (shared by
/// `scan` and `evidence`).
#[derive(Debug, Clone, clap::Args)]
pub struct RuleArgs {
    /// Exit 1 when an unsuppressed finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,

    /// Also exit 1 when this rule has an unsuppressed finding, whatever its
    /// severity (repeatable, or comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub fail_on_rule: Vec<String>,

    /// Do not run this rule (repeatable, or comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub skip_rule: Vec<String>,

    /// Run only these rules (repeatable, or comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub only_rule: Vec<String>,

    /// Waivers file (accepted risks with reason and expiry). Default:
    /// `.aggrego-waivers.yaml` in a scanned folder, when present.
    #[arg(long, value_name = "FILE")]
    pub waivers: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Info,
    Low,
    Medium,
    High,
    Critical,
    Never,
}

impl FailOn {
    /// The value's name, as the command line and packages spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Info => "info",
            FailOn::Low => "low",
            FailOn::Medium => "medium",
            FailOn::High => "high",
            FailOn::Critical => "critical",
            FailOn::Never => "never",
        }
    }

    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Low => Some(Severity::Low),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::High => Some(Severity::High),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A report format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One line per finding (`file:line:col: severity RULE message`), then the summary.
    Compact,
    /// One JSON document, for machines (schema in the README).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// JUnit XML: a test suite per policy, a test case per item checked.
    Junit,
    /// A summary and the findings by file, for a pull-request comment.
    Markdown,
    /// One self-contained page: summary, source coverage, findings, errors.
    Html,
    /// GitLab Code Quality (Code Climate JSON), for merge requests.
    Codequality,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Compact,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Markdown,
        Format::Html,
        Format::Codequality,
    ];
}

//! Running a command: each subcommand in its own module, every problem that
//! stops one a [`Fatal`].

pub mod baseline;
pub mod catalogue;
pub mod collect;
pub mod config;
pub mod diff;
pub mod fixtures;
pub mod inspect;
pub mod keygen;
pub mod scan;
pub mod test;

use crate::config::cli::{Command, EvidenceSub, PolicyArgs};
use crate::config::file::Provenance;
use crate::diag::Fatal;
use crate::policy::policyset::{self, PolicySet};

/// Runs one subcommand: its exit code, or the problems that stopped it.
/// Runs `command`; `provenance` tells `aggrego config` where each option came from.
pub fn run(command: &Command, provenance: &Provenance) -> Result<u8, Fatal> {
    match command {
        Command::Scan(args) => scan::run(args),
        Command::Config(_) => config::run(provenance),
        Command::Baseline(sub) => baseline::run(sub),
        Command::Policies(args) => catalogue::policies(args),
        Command::Explain(args) => catalogue::explain(args),
        Command::CollectScript(args) => collect::run(args),
        Command::Completions(args) => catalogue::completions(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Keygen(args) => keygen::run(args),
        Command::Test(args) => test::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Evidence(cmd) => match &cmd.verify {
            Some(EvidenceSub::Verify(v)) => crate::evidence::verify(v),
            None => crate::evidence::create(&cmd.create),
        },
    }
}

/// The policy set from `--policy`, `--data`, `--no-builtin`, `--policy-timeout`.
pub fn policy_set(p: &PolicyArgs) -> Result<PolicySet, Fatal> {
    policyset::load(&policyset::Request {
        policy_paths: &p.policy,
        data_paths: &p.data,
        builtin: !p.no_builtin,
        timeout: p.policy_timeout,
    })
    .map_err(Fatal)
}

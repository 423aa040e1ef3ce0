use aggrego::cli::{Cli, Command};
use aggrego::run;
use clap::Parser;
use std::process::ExitCode;

// Scans allocate many small values across threads; mimalloc is markedly faster
// and returns memory better than the system allocator for this pattern.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Scan(args) => run::scan(args),
        Command::Policies(args) => run::policies(args),
        Command::Explain(args) => run::explain(args),
        Command::CollectScript(args) => aggrego::collect::run(args),
        Command::Completions(args) => run::completions(args),
        Command::Inspect(args) => aggrego::inspect::run(args),
        Command::Test(args) => aggrego::testing::run(args),
        Command::Evidence(cmd) => match &cmd.verify {
            Some(aggrego::cli::EvidenceSub::Verify(v)) => aggrego::evidence::verify(v),
            None => aggrego::evidence::create(&cmd.create),
        },
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(run::Fatal(errors)) => {
            for e in errors {
                eprintln!("aggrego: error: {}: {}", e.path, e.message);
                if let Some(help) = &e.help {
                    eprintln!("  help: {help}");
                }
            }
            ExitCode::from(run::EXIT_ERROR)
        }
    }
}

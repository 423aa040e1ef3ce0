use aggrego::cli::{Cli, Command};
use aggrego::run;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Scan(args) => run::scan(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(run::Fatal(errors)) => {
            for e in errors {
                eprintln!("aggrego: error: {}: {}", e.path, e.message);
            }
            ExitCode::from(run::EXIT_ERROR)
        }
    }
}

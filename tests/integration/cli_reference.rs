//! The CLI reference is generated from clap, so it cannot drift: the man pages
//! `docs/man/*.1` and the Markdown page `docs/cli.md` must be what the
//! command line says today. `AGGREGO_UPDATE_DOCS=1 cargo test cli_reference`
//! rewrites them.

use aggrego::config::cli::Cli;
use clap::CommandFactory;

fn check(path: &str, generated: &[u8]) {
    let file = crate::common::root().join(path);
    if std::env::var_os("AGGREGO_UPDATE_DOCS").is_some() {
        std::fs::write(&file, generated).unwrap();
        return;
    }
    let current = std::fs::read(&file).unwrap_or_default();
    assert!(
        current == generated,
        "{path} is not what the command line says: run `AGGREGO_UPDATE_DOCS=1 cargo test --test integration cli_reference` and commit it"
    );
}

#[test]
fn man_pages_are_current() {
    let cmd = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out).unwrap();
    check("docs/man/aggrego.1", &out);
    for sub in cmd.get_subcommands() {
        let name = format!("aggrego-{}", sub.get_name());
        let mut out = Vec::new();
        clap_mangen::Man::new(sub.clone())
            .title(name.clone())
            .render(&mut out)
            .unwrap();
        check(&format!("docs/man/{name}.1"), &out);
    }
}

#[test]
fn markdown_reference_is_current() {
    let options = clap_markdown::MarkdownOptions::new()
        .title("aggrego command-line reference".to_string())
        .show_footer(false);
    let text = clap_markdown::help_markdown_command_custom(&Cli::command(), &options);
    check("docs/cli.md", text.as_bytes());
}

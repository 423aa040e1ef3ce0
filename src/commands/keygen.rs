//! `aggrego keygen --out FILE`: an Ed25519 key for `evidence --sign`, written
//! as OpenSSH writes one (FILE, mode 0600, and FILE.pub), so `ssh-keygen`
//! reads it and `ssh-keygen -Y verify` checks what it signs.

use crate::config::cli::KeygenArgs;
use crate::diag::{Fatal, EXIT_CLEAN};
use crate::escape::clean_name;
use crate::evidence::sign::{allowed_signers_line, fingerprint, PASSPHRASE_VAR};
use crate::load::source::display_path;
use crate::output::print_stdout;
use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, LineEnding, PrivateKey};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &KeygenArgs) -> Result<u8, Fatal> {
    check_identity(&args.identity)?;
    let public_path = PathBuf::from(format!("{}.pub", args.out.display()));
    // Both are checked before either is written: no half-made pair.
    for p in [&args.out, &public_path] {
        check_free(p)?;
    }
    let mut key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519)
        .map_err(|e| Fatal::flag("--out", format!("cannot make a key: {e}")))?;
    key.set_comment(args.identity.as_str());
    let public = key.public_key().clone();
    let passphrase = std::env::var(PASSPHRASE_VAR).unwrap_or_default();
    let stored = if passphrase.is_empty() {
        key
    } else {
        key.encrypt(&mut OsRng, passphrase.as_bytes())
            .map_err(|e| Fatal::flag("--out", format!("cannot encrypt the key: {e}")))?
    };
    let pem = stored
        .to_openssh(LineEnding::LF)
        .map_err(|e| Fatal::flag("--out", format!("cannot encode the key: {e}")))?;
    let public_line = public
        .to_openssh()
        .map_err(|e| Fatal::flag("--out", format!("cannot encode the public key: {e}")))?;
    write_new(&args.out, pem.as_bytes(), 0o600)?;
    if let Err(e) = write_new(&public_path, format!("{public_line}\n").as_bytes(), 0o644) {
        // The private key alone is of no use, and was made by this run.
        let _ = std::fs::remove_file(&args.out);
        return Err(e);
    }
    let allowed = allowed_signers_line(&args.identity, &public)
        .map_err(|e| Fatal::flag("--out", format!("cannot encode the public key: {e}")))?;
    print_stdout(&format!(
        "wrote {} (private key{}, mode 0600) and {}\npublic key:      {public_line}\nfingerprint:     {}\nallowed_signers: {allowed}\n",
        clean_name(&display_path(&args.out)),
        if passphrase.is_empty() {
            ", not encrypted"
        } else {
            ", encrypted with the passphrase in AGGREGO_KEY_PASSPHRASE"
        },
        clean_name(&display_path(&public_path)),
        fingerprint(&public),
    ))?;
    Ok(EXIT_CLEAN)
}

/// An identity is one allowed_signers principal: no space, comma or quote.
fn check_identity(identity: &str) -> Result<(), Fatal> {
    let bad = identity.is_empty()
        || identity
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == '"');
    if bad {
        return Err(Fatal::flag(
            "--identity",
            "an identity is one word: no space, comma or quote (e.g. audit@example.com)".into(),
        ));
    }
    Ok(())
}

/// Nothing at `path`, not even a symbolic link: a key is never written over
/// another file or through a link.
fn check_free(path: &Path) -> Result<(), Fatal> {
    let shown = clean_name(&display_path(path));
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(Fatal::output(
            &shown,
            "is a symbolic link: a key is not written through one".into(),
        )),
        Ok(_) => Err(Fatal::output(
            &shown,
            "exists: a key file is never replaced (remove it first, or choose another --out)"
                .into(),
        )),
        Err(_) => Ok(()),
    }
}

/// Create `path` (it must not exist: `create_new` refuses a link there too)
/// with `mode` on Unix, and write `bytes`.
fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<(), Fatal> {
    let shown = clean_name(&display_path(path));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options
        .open(path)
        .map_err(|e| Fatal::output(&shown, format!("cannot be written: {e}")))?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .map_err(|e| {
            // Made by this run and incomplete: not left behind.
            let _ = std::fs::remove_file(path);
            Fatal::output(&shown, format!("cannot be written: {e}"))
        })
}

//! Signed packages: `manifest.json.sig` is an OpenSSH signature (SSHSIG,
//! namespace `aggrego-evidence`) over manifest.json's exact bytes, made with an
//! Ed25519 key, so `ssh-keygen -Y verify` checks a package without aggrego.
//! The hashes say the files match the manifest; the signature says who made
//! the manifest.
//!
//! Keys are OpenSSH files (`aggrego keygen` or `ssh-keygen -t ed25519`); an
//! encrypted one is opened with the passphrase in `AGGREGO_KEY_PASSPHRASE`,
//! never a flag (it would show in the process list and shell history).

use super::manifest::{self, Manifest};
use crate::diag::{Diagnostic, Fatal};
use crate::escape::clean_name;
use crate::load::source::display_path;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::io::Read;
use std::path::Path;

/// The SSHSIG namespace: a signature made for another purpose (a git commit,
/// a file) is not one over a package's manifest.
pub const NAMESPACE: &str = "aggrego-evidence";
/// The signature's file, beside manifest.json.
pub const SIG_FILE: &str = "manifest.json.sig";
/// The environment variable holding an encrypted key's passphrase.
pub const PASSPHRASE_VAR: &str = "AGGREGO_KEY_PASSPHRASE";
/// The largest key file read: an Ed25519 key is a few hundred bytes, an
/// allowed_signers file a line per key.
const MAX_KEY_FILE: u64 = 1 << 20;
/// The largest `manifest.json.sig` read: an Ed25519 SSHSIG is about 300 bytes.
pub const MAX_SIGNATURE: u64 = 64 * 1024;

/// SHA-512, as `ssh-keygen -Y sign` uses by default.
const HASH: HashAlg = HashAlg::Sha512;

/// `SHA256:…`, as `ssh-keygen -l` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// A key file's text, at most [`MAX_KEY_FILE`] bytes of UTF-8.
fn read_key_file(path: &Path, shown: &str) -> Result<String, Fatal> {
    let unreadable = |e: &std::io::Error| {
        Fatal::file(
            shown,
            format!("cannot read: {}", crate::load::open::io_reason(e)),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    if !file.metadata().map_err(|e| unreadable(&e))?.is_file() {
        return Err(Fatal::file(shown, "is not a file: give a key file".into()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_KEY_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > MAX_KEY_FILE {
        return Err(Fatal::file(
            shown,
            format!("is larger than {MAX_KEY_FILE} bytes: not a key file"),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| Fatal::file(shown, "is not text: not an OpenSSH key file".into()))
}

/// The refusal of a key of another algorithm than Ed25519.
fn not_ed25519(algorithm: &Algorithm) -> String {
    format!(
        "is an {} key: evidence packages are signed with Ed25519 keys only (`aggrego keygen`, or `ssh-keygen -t ed25519`)",
        algorithm.as_str()
    )
}

/// An Ed25519 private key, decrypted, ready to sign manifests.
pub struct Signer {
    key: PrivateKey,
}

impl Signer {
    /// Read the OpenSSH private key at `path` (`--sign`), decrypting it with
    /// [`PASSPHRASE_VAR`] when it is encrypted.
    pub fn load(path: &Path) -> Result<Signer, Fatal> {
        let shown = clean_name(&display_path(path));
        let text = read_key_file(path, &shown)?;
        let key = PrivateKey::from_openssh(text.trim())
            .map_err(|e| Fatal::file(&shown, not_a_private_key(&text, &e.to_string())))?;
        let algorithm = key.algorithm();
        if algorithm != Algorithm::Ed25519 {
            return Err(Fatal::file(&shown, not_ed25519(&algorithm)));
        }
        if !key.is_encrypted() {
            return Ok(Signer { key });
        }
        let passphrase = std::env::var(PASSPHRASE_VAR).unwrap_or_default();
        if passphrase.is_empty() {
            return Err(Fatal::file(
                &shown,
                format!("is encrypted: give its passphrase in the environment variable {PASSPHRASE_VAR}"),
            ));
        }
        let key = key.decrypt(passphrase.as_bytes()).map_err(|_| {
            Fatal::file(
                &shown,
                format!("cannot be decrypted with the passphrase in {PASSPHRASE_VAR}: a wrong passphrase"),
            )
        })?;
        Ok(Signer { key })
    }

    /// What the manifest records of the key.
    pub fn record(&self) -> manifest::Signature {
        manifest::Signature {
            file: SIG_FILE.into(),
            namespace: NAMESPACE.into(),
            algorithm: self.key.algorithm().as_str().into(),
            fingerprint: fingerprint(self.key.public_key()),
            comment: self.key.comment().into(),
        }
    }

    /// The armored SSHSIG over `manifest`'s bytes, as `ssh-keygen -Y sign`
    /// writes it. Ed25519 signatures are deterministic: the same manifest and
    /// key give the same bytes.
    pub fn sign(&self, manifest: &[u8]) -> Result<Vec<u8>, String> {
        let sig = self
            .key
            .sign(NAMESPACE, HASH, manifest)
            .map_err(|e| format!("cannot sign the manifest: {e}"))?;
        let mut pem = sig
            .to_pem(LineEnding::LF)
            .map_err(|e| format!("cannot write the signature: {e}"))?;
        if !pem.ends_with('\n') {
            pem.push('\n');
        }
        Ok(pem.into_bytes())
    }
}

/// Why a key file is not an OpenSSH private key, with the way out when it is
/// a public key or a key in the older PEM format.
fn not_a_private_key(text: &str, why: &str) -> String {
    let t = text.trim_start();
    if PublicKey::from_openssh(t.trim()).is_ok() {
        "is a public key: --sign takes the private key (the file without .pub)".into()
    } else if t.starts_with("-----BEGIN")
        && t.contains("PRIVATE KEY-----")
        && !t.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
    {
        "is a private key in the PEM format, not OpenSSH's: make an Ed25519 key with `aggrego keygen` or `ssh-keygen -t ed25519`".into()
    } else {
        format!(
            "is not an OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`): {}",
            clean_name(why)
        )
    }
}

/// The keys `evidence verify --key` accepts a signature from: an OpenSSH
/// public key file, or an allowed_signers file (`ssh-keygen -Y verify -f`).
pub struct Trusted {
    keys: Vec<PublicKey>,
}

impl Trusted {
    /// Read `path`: each line a public key (`ssh-ed25519 AAAA… comment`) or an
    /// allowed_signers entry (`principals [options] ssh-ed25519 AAAA…`);
    /// blank lines and `#` comments skipped. A line that is neither is a
    /// located error; an entry whose `namespaces=` leaves out
    /// `aggrego-evidence` is not trusted for packages, as ssh-keygen would not.
    pub fn load(path: &Path) -> Result<Trusted, Fatal> {
        let shown = clean_name(&display_path(path));
        let text = read_key_file(path, &shown)?;
        let mut keys = Vec::new();
        let mut restricted = 0usize;
        for (n, line) in text.lines().enumerate() {
            let body = line.trim_start();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let column = line.len() - body.len() + 1;
            let at = |message: String| {
                let snippet = format!(
                    "{:>4} | {}\n     | {}^",
                    n + 1,
                    clean_name(line),
                    " ".repeat(column - 1)
                );
                Fatal(vec![Diagnostic::text(
                    &shown,
                    n + 1,
                    column,
                    snippet,
                    message,
                )])
            };
            match parse_line(body).map_err(at)? {
                Some(key) if key.algorithm() == Algorithm::Ed25519 => keys.push(key),
                Some(key) => return Err(at(not_ed25519(&key.algorithm()))),
                None => restricted += 1,
            }
        }
        if keys.is_empty() {
            return Err(Fatal::file(
                &shown,
                if restricted > 0 {
                    format!("holds no key allowed to sign the namespace {NAMESPACE} (see each entry's namespaces=)")
                } else {
                    "holds no public key: give an OpenSSH public key file (KEY.pub) or an allowed_signers file".into()
                },
            ));
        }
        keys.sort_by_key(fingerprint);
        keys.dedup_by_key(|k| fingerprint(k));
        Ok(Trusted { keys })
    }

    fn find(&self, key: &PublicKey) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.key_data() == key.key_data())
    }

    fn fingerprints(&self) -> String {
        self.keys
            .iter()
            .map(fingerprint)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One line of a key file: its key, `None` for an allowed_signers entry
/// restricted to other namespaces.
fn parse_line(line: &str) -> Result<Option<PublicKey>, String> {
    if let Ok(key) = PublicKey::from_openssh(line) {
        return Ok(Some(key));
    }
    if line.starts_with("-----BEGIN") {
        return Err(
            "a private key: --key takes the public key (KEY.pub) or an allowed_signers file".into(),
        );
    }
    // principals, then options when the next word is not the key itself.
    let words = split_words(line);
    let key_at = |i: usize| {
        words
            .get(i..)
            .filter(|rest| !rest.is_empty())
            .and_then(|rest| PublicKey::from_openssh(&rest.join(" ")).ok())
    };
    if let Some(key) = key_at(1) {
        return Ok(Some(key));
    }
    let Some(key) = key_at(2) else {
        // A key of a type this build does not read (RSA, DSA, security keys).
        if let Some(kind) = words
            .iter()
            .take(3)
            .find(|w| ["ssh-", "ecdsa-", "sk-"].iter().any(|p| w.starts_with(p)))
        {
            return Err(format!(
                "is an {} key: evidence packages are signed with Ed25519 keys only",
                clean_name(kind)
            ));
        }
        return Err(
            "neither an OpenSSH public key (`ssh-ed25519 AAAA…`) nor an allowed_signers entry (`identity ssh-ed25519 AAAA…`)"
                .into(),
        );
    };
    let mut allowed = true;
    for option in split_outside_quotes(&words[1], ',') {
        let (name, value) = option.split_once('=').unwrap_or((option.as_str(), ""));
        match name.to_ascii_lowercase().as_str() {
            "cert-authority" => {
                return Err(
                    "a certificate authority: aggrego checks the signing key itself; list that key"
                        .into(),
                )
            }
            "namespaces" => allowed = pattern_list_matches(value.trim_matches('"'), NAMESPACE),
            // valid-after/valid-before need a clock, which a verification
            // that must give the same answer every time does not read.
            _ => {}
        }
    }
    Ok(allowed.then_some(key))
}

/// Words separated by spaces or tabs, a double-quoted part kept in its word.
fn split_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if !quoted && (c == ' ' || c == '\t') {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn split_outside_quotes(text: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == sep && !quoted {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// OpenSSH's pattern lists: comma-separated `*`/`?` patterns, a `!` one
/// refusing what it matches.
fn pattern_list_matches(list: &str, name: &str) -> bool {
    let mut matched = false;
    for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match p.strip_prefix('!') {
            Some(neg) if wildcard(neg.as_bytes(), name.as_bytes()) => return false,
            Some(_) => {}
            None => matched |= wildcard(p.as_bytes(), name.as_bytes()),
        }
    }
    matched
}

fn wildcard(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => wildcard(&p[1..], s) || (!s.is_empty() && wildcard(p, &s[1..])),
        (Some(b'?'), Some(_)) => wildcard(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a == b => wildcard(&p[1..], &s[1..]),
        _ => false,
    }
}

/// `manifest.json.sig` as found in a package.
pub enum Found {
    Absent,
    /// Could not be read, or is larger than [`MAX_SIGNATURE`].
    Unreadable(String),
    Present(Vec<u8>),
}

/// What the signature says about who made a package: one line for the
/// verdict, and the problems (each a difference: the package fails).
pub struct Authorship {
    pub line: String,
    pub problems: Vec<String>,
}

/// Check `sig` against manifest.json's `bytes`, the signer the manifest
/// records and, with `--key`, the trusted keys.
pub fn check(
    recorded: &Manifest,
    bytes: &[u8],
    sig: Found,
    trusted: Option<&Trusted>,
) -> Authorship {
    let mut problems = Vec::new();
    let sig = match sig {
        Found::Present(sig) => sig,
        Found::Absent => return unsigned(recorded, trusted),
        Found::Unreadable(why) => {
            problems.push(format!("{SIG_FILE}: {why}"));
            return Authorship {
                line: "authorship: not checked: the signature cannot be read".into(),
                problems,
            };
        }
    };
    let parsed = std::str::from_utf8(&sig)
        .map_err(|_| "is not text".to_string())
        .and_then(|t| SshSig::from_pem(t.trim()).map_err(|e| clean_name(&e.to_string())));
    let sig = match parsed {
        Ok(s) => s,
        Err(why) => {
            problems.push(format!(
                "{SIG_FILE}: not an SSH signature (-----BEGIN SSH SIGNATURE-----): {why}"
            ));
            return Authorship {
                line: "authorship: not checked: the signature cannot be read".into(),
                problems,
            };
        }
    };
    let signer = PublicKey::new(sig.public_key().clone(), "");
    let made_by = fingerprint(&signer);
    if sig.namespace() != NAMESPACE {
        problems.push(format!(
            "{SIG_FILE}: made for the namespace `{}`, not {NAMESPACE}: not a signature of an evidence package",
            clean_name(sig.namespace())
        ));
    } else if let Err(e) = signer.verify(NAMESPACE, bytes, &sig) {
        problems.push(match e {
            ssh_key::Error::Crypto => format!(
                "the manifest was changed after it was signed: {SIG_FILE} (by {made_by}) does not match manifest.json's bytes"
            ),
            e => format!("{SIG_FILE}: cannot be checked: {}", clean_name(&e.to_string())),
        });
    }
    let mismatch = match &recorded.signature {
        Some(r) if r.fingerprint != made_by => Some(format!(
            "manifest.json records the signer {}, but {SIG_FILE} was made by {made_by}",
            clean_name(&r.fingerprint)
        )),
        Some(r) if r.file != SIG_FILE || r.namespace != NAMESPACE => Some(format!(
            "manifest.json: signature.file and signature.namespace must be {SIG_FILE} and {NAMESPACE}, not `{}` and `{}`",
            clean_name(&r.file),
            clean_name(&r.namespace)
        )),
        _ => None,
    };
    problems.extend(mismatch);
    if !problems.is_empty() {
        return Authorship {
            line: format!("authorship: not established: the signature by {made_by} does not hold for this manifest"),
            problems,
        };
    }
    let named = match recorded.signature.as_ref().map(|r| r.comment.as_str()) {
        Some(c) if !c.is_empty() => format!("{made_by} ({})", clean_name(c)),
        _ => made_by.clone(),
    };
    let line = match trusted {
        None => format!(
            "authorship: signed by {named}, not checked: pass --key with the signer's public key or allowed_signers file"
        ),
        Some(t) => match t.find(&signer) {
            Some(_) => format!("authorship: signed by {named}, a key given with --key"),
            None => {
                problems.push(format!(
                    "{SIG_FILE} was made by {made_by}, not by the key given with --key ({})",
                    t.fingerprints()
                ));
                format!("authorship: signed by {named}, not a key given with --key")
            }
        },
    };
    Authorship { line, problems }
}

/// A package without `manifest.json.sig`.
fn unsigned(recorded: &Manifest, trusted: Option<&Trusted>) -> Authorship {
    let mut problems = Vec::new();
    if let Some(r) = &recorded.signature {
        problems.push(format!(
            "{SIG_FILE}: missing: manifest.json says the package was signed by {}",
            clean_name(&r.fingerprint)
        ));
    } else if trusted.is_some() {
        problems.push(format!(
            "the package is not signed: it has no {SIG_FILE} (made without --sign, or re-made without the key)"
        ));
    }
    Authorship {
        line: "authorship: unsigned: integrity is checked, authorship is not: anyone can re-make a package that verifies".into(),
        problems,
    }
}

/// The allowed_signers line for `key`: `identity namespaces="…" key`.
pub fn allowed_signers_line(identity: &str, key: &PublicKey) -> Result<String, String> {
    let mut bare = key.clone();
    bare.set_comment("");
    let text = bare.to_openssh().map_err(|e| e.to_string())?;
    Ok(format!(
        "{identity} namespaces=\"{NAMESPACE}\" {}",
        text.trim_end()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_lists_as_openssh_reads_them() {
        for (list, want) in [
            ("aggrego-evidence", true),
            ("git,aggrego-evidence", true),
            ("aggrego-*", true),
            ("agg?ego-evidence", true),
            ("*,!aggrego-evidence", false),
            ("git,file", false),
            ("", false),
        ] {
            assert_eq!(pattern_list_matches(list, NAMESPACE), want, "{list}");
        }
    }

    #[test]
    fn allowed_signers_lines() {
        let key =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIERYYb7UKpr7NpaU/GKGqbkAlrmmPjXMakduGQeC+3M0";
        for (line, trusted) in [
            (key.to_string(), true),
            (format!("{key} a comment"), true),
            (format!("ops@example.com {key}"), true),
            (format!("ops namespaces=\"aggrego-evidence\" {key}"), true),
            (
                format!("ops namespaces=\"git\",valid-after=\"20260101\" {key}"),
                false,
            ),
        ] {
            let read = parse_line(&line);
            assert!(
                matches!((&read, trusted), (Ok(Some(_)), true) | (Ok(None), false)),
                "{line}"
            );
        }
        assert!(parse_line(&format!("ops cert-authority {key}")).is_err());
        assert!(parse_line("ops not-a-key").is_err());
    }
}

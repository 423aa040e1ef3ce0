//! Signed evidence packages: `evidence --sign`, `evidence verify --key`,
//! `aggrego keygen`, and the same package checked with standard tools
//! (`ssh-keygen -Y verify`, `jq` and `sha256sum`). The keys are in
//! tests/signing/ (made by ssh-keygen, public on purpose).

use crate::common;
use crate::common::Run;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const INPUT: &str = "fixtures/AGG001";

fn aggrego_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aggrego"));
    cmd.current_dir(common::root())
        .env_remove("AGGREGO_REDACT_KEY")
        .env_remove("AGGREGO_KEY_PASSPHRASE")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run::from(out)
}

fn aggrego(args: &[&str]) -> Run {
    aggrego_env(args, &[])
}

fn key(name: &str) -> String {
    format!("tests/signing/{name}")
}

/// `evidence INPUT --out OUT` with `extra`; the package must be written.
fn make(input: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) {
    let (input, out) = (input.display().to_string(), out.display().to_string());
    let mut args = vec!["evidence", &input, "--out", &out];
    args.extend(extra);
    let r = aggrego_env(&args, env);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
}

fn verify(pkg: &Path, key_file: Option<&str>) -> Run {
    let pkg = pkg.display().to_string();
    let mut args = vec!["evidence", "verify", &pkg];
    if let Some(k) = key_file {
        args.extend(["--key", k]);
    }
    aggrego(&args)
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// A package folder as a zip package.
fn zip_dir(dir: &Path, to: &Path) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for (rel, bytes) in common::files(dir) {
        w.start_file(rel, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

/// The line of docs/REFERENCE.md that starts with `start`.
fn documented(start: &str) -> String {
    let doc = std::fs::read_to_string(common::root().join("docs/REFERENCE.md")).unwrap();
    doc.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("docs/REFERENCE.md has no line starting with {start:?}"))
        .to_string()
}

fn sh(dir: &Path, command: &str) -> std::process::Output {
    Command::new("sh")
        .current_dir(dir)
        .args(["-c", command])
        .output()
        .unwrap()
}

fn has(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A private key copied with mode 0600, as ssh-keygen wants it (a checkout
/// leaves it 0644).
fn private_copy(name: &str, dir: &Path) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(common::root().join(key(name)), &to).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    to
}

#[test]
fn signed_packages_verify_and_reproduce() {
    let tmp = tempfile::tempdir().unwrap();
    let input = common::root().join(INPUT);
    let (a, b, z) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("z.zip"),
    );
    let sign = ["--sign", "tests/signing/ed25519"];
    make(&input, &a, &sign, &[]);
    make(&input, &b, &sign, &[]);
    make(&input, &z, &sign, &[]);
    // Same inputs, flags and key: the same bytes, the signature included.
    assert_eq!(common::files(&a), common::files(&b));
    let sig = std::fs::read_to_string(a.join("manifest.json.sig")).unwrap();
    assert!(sig.starts_with("-----BEGIN SSH SIGNATURE-----\n"), "{sig}");
    assert!(sig.ends_with("-----END SSH SIGNATURE-----\n"), "{sig}");
    assert!(common::zip_entries(&z)
        .iter()
        .any(|(n, b)| n == "manifest.json.sig" && b == sig.as_bytes()));

    let m = manifest(&a);
    let recorded = &m["signature"];
    assert_eq!(recorded["file"], "manifest.json.sig");
    assert_eq!(recorded["namespace"], "aggrego-evidence");
    assert_eq!(recorded["algorithm"], "ssh-ed25519");
    assert_eq!(recorded["comment"], "test@aggrego");
    let fp = recorded["fingerprint"].as_str().unwrap();
    assert!(fp.starts_with("SHA256:") && fp.len() == 50, "{fp}");
    // The signature is not one of the files the manifest lists.
    assert!(!m["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "manifest.json.sig"));
    let html = std::fs::read_to_string(a.join("report.html")).unwrap();
    assert!(html.contains(fp), "report.html names the signer");

    for (pkg, key_file) in [(&a, "ed25519.pub"), (&z, "allowed_signers")] {
        let v = verify(pkg, Some(&key(key_file)));
        assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
        assert!(
            v.stdout.contains(&format!(
                "authorship: signed by {fp} (test@aggrego), a key given with --key"
            )),
            "{}",
            v.stdout
        );
    }
    let v = verify(&z, None);
    assert_eq!(v.code, 0, "{}", v.stdout);
    assert!(v.stdout.contains(&format!(
        "signed by {fp} (test@aggrego), not checked: pass --key"
    )));

    // --force replaces a signed package, which lists every file but its signature.
    let again = aggrego(&[
        "evidence",
        INPUT,
        "--out",
        &a.display().to_string(),
        "--force",
    ]);
    assert!(again.code <= 1, "{}", again.stderr);
    assert!(!a.join("manifest.json.sig").exists());
}

#[test]
fn encrypted_keys_take_the_passphrase_from_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p.zip");
    let input = common::root().join(INPUT);
    let sign = ["--sign", "tests/signing/ed25519-encrypted"];
    make(
        &input,
        &out,
        &sign,
        &[("AGGREGO_KEY_PASSPHRASE", "correct horse")],
    );
    let v = verify(&out, Some(&key("ed25519-encrypted.pub")));
    assert_eq!(v.code, 0, "{}", v.stdout);
    assert!(v
        .stdout
        .contains("(encrypted@aggrego), a key given with --key"));
}

/// One way a package can fail its authorship check.
struct Case {
    name: &'static str,
    /// The package: signed, or re-made unsigned from an edited input.
    signed: bool,
    tamper: fn(&Path, &Path),
    key: Option<&'static str>,
    code: i32,
    says: &'static str,
}

fn untouched(_: &Path, _: &Path) {}

fn edit_manifest(dir: &Path, _: &Path) {
    let p = dir.join("manifest.json");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(p, text.replacen("\n  \"tool\"", "\n   \"tool\"", 1)).unwrap();
}

fn remove_signature(dir: &Path, _: &Path) {
    std::fs::remove_file(dir.join("manifest.json.sig")).unwrap();
}

fn garbage_signature(dir: &Path, _: &Path) {
    std::fs::write(dir.join("manifest.json.sig"), "not a signature\n").unwrap();
}

fn copy_old_signature(dir: &Path, signed: &Path) {
    std::fs::copy(
        signed.join("manifest.json.sig"),
        dir.join("manifest.json.sig"),
    )
    .unwrap();
}

const CASES: &[Case] = &[
    Case {
        name: "signed, the right key",
        signed: true,
        tamper: untouched,
        key: Some("ed25519.pub"),
        code: 0,
        says: "a key given with --key",
    },
    Case {
        name: "a wrong key",
        signed: true,
        tamper: untouched,
        key: Some("other.pub"),
        code: 1,
        says: ", not by the key given with --key (SHA256:",
    },
    Case {
        name: "manifest.json edited after signing",
        signed: true,
        tamper: edit_manifest,
        key: Some("ed25519.pub"),
        code: 1,
        says: "the manifest was changed after it was signed",
    },
    Case {
        name: "manifest.json edited after signing, no --key",
        signed: true,
        tamper: edit_manifest,
        key: None,
        code: 1,
        says: "the manifest was changed after it was signed",
    },
    Case {
        name: "the signature removed",
        signed: true,
        tamper: remove_signature,
        key: None,
        code: 1,
        says: "manifest.json.sig: missing: manifest.json says the package was signed by SHA256:",
    },
    Case {
        name: "the signature not one",
        signed: true,
        tamper: garbage_signature,
        key: Some("ed25519.pub"),
        code: 1,
        says: "manifest.json.sig: not an SSH signature",
    },
    Case {
        name: "re-made from an edited input without the key",
        signed: false,
        tamper: untouched,
        key: Some("ed25519.pub"),
        code: 1,
        says: "the package is not signed",
    },
    Case {
        name: "re-made from an edited input, the old signature copied in",
        signed: false,
        tamper: copy_old_signature,
        key: Some("allowed_signers"),
        code: 1,
        says: "the manifest was changed after it was signed",
    },
    Case {
        name: "unsigned, no --key",
        signed: false,
        tamper: untouched,
        key: None,
        code: 0,
        says: "authorship: unsigned: integrity is checked, authorship is not: anyone can re-make a package that verifies",
    },
    Case {
        name: "an allowed_signers file with no key for packages",
        signed: true,
        tamper: untouched,
        key: Some("allowed_signers-git-only"),
        code: 2,
        says: "holds no key allowed to sign the namespace aggrego-evidence",
    },
];

#[test]
fn verify_says_why_authorship_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let signed = tmp.path().join("signed");
    make(
        &common::root().join(INPUT),
        &signed,
        &["--sign", "tests/signing/ed25519"],
        &[],
    );
    // An input edited and the package made again, without the key.
    let edited = tmp.path().join("edited-input");
    common::copy_dir(&common::root().join(INPUT), &edited);
    let first = edited.join("positive1.json");
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, text.replacen("FAILED", "SUCCEEDED", 1)).unwrap();
    let remade = tmp.path().join("remade");
    make(&edited, &remade, &[], &[]);

    for (i, case) in CASES.iter().enumerate() {
        let dir = tmp.path().join(format!("case-{i}"));
        common::copy_dir(if case.signed { &signed } else { &remade }, &dir);
        (case.tamper)(&dir, &signed);
        let zip = tmp.path().join(format!("case-{i}.zip"));
        zip_dir(&dir, &zip);
        let key_file = case.key.map(key);
        for pkg in [&dir, &zip] {
            let v = verify(pkg, key_file.as_deref());
            let all = format!("{}{}", v.stdout, v.stderr);
            assert_eq!(v.code, case.code, "{}: {}", case.name, all);
            assert!(all.contains(case.says), "{}: {}", case.name, all);
        }
    }
}

/// (flag, key file, passphrase, what the error says).
const BAD_KEYS: &[(&str, &str, &str, &str)] = &[
    ("--sign", "garbage", "", "tests/signing/garbage: is not an OpenSSH private key"),
    ("--sign", "ecdsa", "", "tests/signing/ecdsa: is an ecdsa-sha2-nistp256 key: evidence packages are signed with Ed25519 keys only"),
    ("--sign", "rsa", "", "tests/signing/rsa: is an ssh-rsa key: evidence packages are signed with Ed25519 keys only"),
    ("--sign", "ed25519.pub", "", "tests/signing/ed25519.pub: is a public key: --sign takes the private key"),
    ("--sign", "missing", "", "tests/signing/missing: cannot read"),
    ("--sign", "ed25519-encrypted", "", "tests/signing/ed25519-encrypted: is encrypted: give its passphrase in the environment variable AGGREGO_KEY_PASSPHRASE"),
    ("--sign", "ed25519-encrypted", "wrong", "tests/signing/ed25519-encrypted: cannot be decrypted with the passphrase in AGGREGO_KEY_PASSPHRASE"),
    ("--key", "garbage", "", "tests/signing/garbage:1:1: neither an OpenSSH public key"),
    ("--key", "ed25519", "", "tests/signing/ed25519:1:1: a private key: --key takes the public key"),
    ("--key", "ecdsa.pub", "", "tests/signing/ecdsa.pub:1:1: is an ecdsa-sha2-nistp256 key"),
    ("--key", "missing", "", "tests/signing/missing: cannot read"),
];

#[test]
fn bad_keys_are_located_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("p");
    make(&common::root().join(INPUT), &pkg, &[], &[]);
    let pkg = pkg.display().to_string();
    let out = tmp.path().join("never").display().to_string();
    for (flag, file, passphrase, says) in BAD_KEYS {
        let k = key(file);
        let args: Vec<&str> = if *flag == "--sign" {
            vec!["evidence", INPUT, "--out", &out, "--sign", &k]
        } else {
            vec!["evidence", "verify", &pkg, "--key", &k]
        };
        let env: Vec<(&str, &str)> = if passphrase.is_empty() {
            Vec::new()
        } else {
            vec![("AGGREGO_KEY_PASSPHRASE", passphrase)]
        };
        let r = aggrego_env(&args, &env);
        assert_eq!(r.code, 2, "{flag} {file}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(says), "{flag} {file}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert!(
            !Path::new(&out).exists(),
            "{flag} {file}: nothing is written"
        );
    }
}

#[test]
fn keygen_writes_a_key_pair_once() {
    let tmp = tempfile::tempdir().unwrap();
    let k = tmp.path().join("key");
    let ks = k.display().to_string();
    let r = aggrego(&["keygen", "--out", &ks, "--identity", "audit@example.com"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&k).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let private = std::fs::read_to_string(&k).unwrap();
    assert!(private.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
    let public = std::fs::read_to_string(tmp.path().join("key.pub")).unwrap();
    assert!(public.starts_with("ssh-ed25519 AAAA") && public.ends_with(" audit@example.com\n"));
    let allowed = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("allowed_signers: "))
        .unwrap()
        .to_string();
    let key_part: Vec<&str> = public.split(' ').take(2).collect();
    assert_eq!(
        allowed,
        format!(
            "audit@example.com namespaces=\"aggrego-evidence\" {}",
            key_part.join(" ")
        )
    );
    assert!(r.stdout.contains("fingerprint:     SHA256:"));

    // Never over a file, a public key file or through a link.
    let again = aggrego(&["keygen", "--out", &ks]);
    assert_eq!(again.code, 2);
    assert!(
        again
            .stderr
            .contains("exists: a key file is never replaced"),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_to_string(&k).unwrap(), private);
    std::fs::write(tmp.path().join("only.pub"), "x").unwrap();
    let r = aggrego(&[
        "keygen",
        "--out",
        &tmp.path().join("only").display().to_string(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("only.pub: exists"), "{}", r.stderr);
    assert!(!tmp.path().join("only").exists());
    #[cfg(unix)]
    {
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(tmp.path().join("target"), &link).unwrap();
        let r = aggrego(&["keygen", "--out", &link.display().to_string()]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("is a symbolic link"), "{}", r.stderr);
        assert!(!tmp.path().join("target").exists());
    }
    let r = aggrego(&[
        "keygen",
        "--out",
        &tmp.path().join("x").display().to_string(),
        "--identity",
        "two words",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--identity"), "{}", r.stderr);

    // The key signs, and its printed allowed_signers line checks the package.
    let signers = tmp.path().join("allowed_signers");
    std::fs::write(&signers, format!("{allowed}\n")).unwrap();
    let pkg = tmp.path().join("p.zip");
    make(&common::root().join(INPUT), &pkg, &["--sign", &ks], &[]);
    let v = verify(&pkg, Some(&signers.display().to_string()));
    assert_eq!(v.code, 0, "{}", v.stdout);

    // With a passphrase, encrypted: it signs only with the passphrase.
    let enc = tmp.path().join("enc").display().to_string();
    let r = aggrego_env(
        &["keygen", "--out", &enc],
        &[("AGGREGO_KEY_PASSPHRASE", "s3cret")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("encrypted with the passphrase"));
    let out = tmp.path().join("q.zip").display().to_string();
    let r = aggrego(&["evidence", INPUT, "--out", &out, "--sign", &enc]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is encrypted"), "{}", r.stderr);
    if has("ssh-keygen") {
        let ok = Command::new("ssh-keygen")
            .args(["-y", "-P", "s3cret", "-f", &enc])
            .output()
            .unwrap();
        assert!(ok.status.success(), "ssh-keygen reads the encrypted key");
        assert!(String::from_utf8_lossy(&ok.stdout).starts_with("ssh-ed25519 "));
    }
}

#[test]
fn standard_tools_check_a_package() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("p");
    make(
        &common::root().join(INPUT),
        &pkg,
        &["--sign", "tests/signing/ed25519"],
        &[],
    );
    if has("ssh-keygen") {
        // The command docs/REFERENCE.md gives auditors, as it is written there,
        // run in a copy of the package beside the allowed_signers file.
        let command = documented("ssh-keygen -Y verify ").replace("<identity>", "test@aggrego");
        let check = |pkg: &Path| {
            let dir = tempfile::tempdir().unwrap();
            common::copy_dir(pkg, dir.path());
            std::fs::copy(
                common::root().join(key("allowed_signers")),
                dir.path().join("allowed_signers"),
            )
            .unwrap();
            sh(dir.path(), &command)
        };
        let ok = check(&pkg);
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        // ssh-keygen's own signature of the manifest is the same bytes.
        let private = private_copy("ed25519", tmp.path());
        let own = Command::new("ssh-keygen")
            .args(["-Y", "sign", "-q", "-n", "aggrego-evidence", "-f"])
            .arg(&private)
            .stdin(std::fs::File::open(pkg.join("manifest.json")).unwrap())
            .output()
            .unwrap();
        assert!(
            own.status.success(),
            "{}",
            String::from_utf8_lossy(&own.stderr)
        );
        assert_eq!(
            own.stdout,
            std::fs::read(pkg.join("manifest.json.sig")).unwrap()
        );
        let edited = tmp.path().join("edited");
        common::copy_dir(&pkg, &edited);
        edit_manifest(&edited, &pkg);
        assert!(
            !check(&edited).status.success(),
            "ssh-keygen finds the edit"
        );
    } else {
        println!("skipped the ssh-keygen checks: ssh-keygen is not installed (.ci/run installs openssh-client)");
    }
    if has("jq") && has("sha256sum") {
        // The one-liner of docs/REFERENCE.md: every file's hash from manifest.json.
        let one_liner = documented("jq -r ");
        let run = |dir: &Path| sh(dir, &one_liner);
        let ok = run(&pkg);
        assert!(
            ok.status.success(),
            "{}{}",
            String::from_utf8_lossy(&ok.stdout),
            String::from_utf8_lossy(&ok.stderr)
        );
        std::fs::write(pkg.join("results.json"), "{}").unwrap();
        let bad = run(&pkg);
        assert!(!bad.status.success());
        assert!(String::from_utf8_lossy(&bad.stdout).contains("results.json: FAILED"));
    } else {
        println!("skipped the jq check of file hashes: jq or sha256sum is not installed (.ci/run installs jq)");
    }
}

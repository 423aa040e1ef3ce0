//! Evidence packages: byte-identical from one run to the next (zip and folder),
//! verified, every tamper found, `--no-inputs`, `--redact`, user policies,
//! hostile packages, and an interrupted run that leaves nothing.

use crate::common;
use crate::common::Run;

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const INPUTS: &[&str] = &["fixtures/AGG001", "../shared/corpus/awscli"];

fn aggrego(args: &[&str]) -> Run {
    common::aggrego_in(&common::root(), args)
}

fn evidence(out: &Path, extra: &[&str]) -> Run {
    let out = out.display().to_string();
    let mut args = vec!["evidence"];
    args.extend(INPUTS);
    args.extend(["--out", &out]);
    args.extend(extra);
    aggrego(&args)
}

fn verify(pkg: &Path, extra: &[&str]) -> Run {
    let pkg = pkg.display().to_string();
    let mut args = vec!["evidence", "verify", &pkg];
    args.extend(extra);
    aggrego(&args)
}

/// Every file of a package, folder or zip: (path, bytes).
fn files(pkg: &Path) -> Vec<(String, Vec<u8>)> {
    if pkg.is_dir() {
        common::files(pkg)
    } else {
        let mut out = common::zip_entries(pkg);
        out.sort();
        out
    }
}

fn manifest(pkg: &Path) -> Value {
    let (_, bytes) = files(pkg)
        .into_iter()
        .find(|(p, _)| p == "manifest.json")
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// A copy of a zip package with entries changed, removed or added.
fn rezip(
    from: &Path,
    to: &Path,
    edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>,
    add: &[(&str, &[u8])],
) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        if let Some(b) = edit(&name, b) {
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&b).unwrap();
        }
    }
    for (name, bytes) in add {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
}

fn flip(b: &mut [u8], at: usize) {
    b[at] = if b[at] == b'a' { b'b' } else { b'a' };
}

#[test]
fn help_has_examples() {
    for args in [
        &["evidence", "--help"][..],
        &["evidence", "verify", "--help"],
    ] {
        let r = aggrego(args);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Examples:"), "{}", r.stdout);
        assert!(r.stdout.contains("aggrego evidence verify evidence.zip"));
    }
    let r = aggrego(&["evidence", "fixtures/AGG001"]);
    assert_eq!(r.code, 2, "--out is required");
    assert!(r.stderr.contains("--out"), "{}", r.stderr);
}

#[test]
fn same_inputs_same_bytes_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let (z1, z2) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    let r = evidence(&z1, &[]);
    assert_eq!(
        r.code, 2,
        "the corpus holds --output text files: errors\n{}",
        r.stderr
    );
    assert!(r.stderr.contains("evidence package"), "{}", r.stderr);
    evidence(&z2, &[]);
    let (a, b) = (std::fs::read(&z1).unwrap(), std::fs::read(&z2).unwrap());
    assert!(a == b, "zip packages differ");

    // The same inputs reached from elsewhere, by absolute paths: the same package.
    let abs: Vec<String> = INPUTS
        .iter()
        .map(|p| {
            std::fs::canonicalize(common::root().join(p))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    let z3 = dir.path().join("c.zip");
    let mut args = vec!["evidence"];
    args.extend(abs.iter().map(String::as_str));
    let z3s = z3.display().to_string();
    args.extend(["--out", &z3s]);
    common::aggrego_in(dir.path(), &args);
    assert!(
        a == std::fs::read(&z3).unwrap(),
        "the package depends on the current folder"
    );

    // A folder package holds the same files.
    let (d1, d2) = (dir.path().join("d1"), dir.path().join("d2"));
    evidence(&d1, &[]);
    evidence(&d2, &[]);
    assert_eq!(files(&d1), files(&d2));
    assert_eq!(files(&d1), files(&z1));

    let names: Vec<String> = files(&z1).into_iter().map(|(p, _)| p).collect();
    for want in [
        "manifest.json",
        "results.json",
        "results.sarif",
        "report.html",
        "inputs/AGG001/positive1.json",
        "inputs/awscli/10-describe-us-east-1.json",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "zip entries are sorted");

    let m = manifest(&z1);
    assert_eq!(m["format"], "aggrego-evidence/1");
    assert_eq!(m["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["now_source"], "snapshot");
    assert_eq!(m["inputs_included"], true);
    assert_eq!(m["redacted"], false);
    assert_eq!(m["roots"][0]["name"], "AGG001");
    assert_eq!(m["roots"][1]["name"], "awscli");
    assert_eq!(m["summary"]["exit_code"], 2);
    let policies = m["policies"].as_array().unwrap();
    assert!(policies
        .iter()
        .any(|p| p["id"] == "AGG001" && p["builtin"] == true));
    assert!(policies
        .iter()
        .all(|p| p["sha256"].as_str().unwrap().len() == 64));
    // Every input and every file, with its size and hash.
    let listed: BTreeSet<&str> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for (path, bytes) in files(&z1) {
        if path == "manifest.json" {
            continue;
        }
        assert!(listed.contains(path.as_str()), "{path} listed");
        let entry = m["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path.as_str())
            .unwrap();
        assert_eq!(entry["size"], bytes.len());
    }
    assert!(m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["name"] == "AGG001/positive1.json"));
    // The reports name inputs by their package names.
    let results: Value = serde_json::from_slice(
        &files(&z1)
            .into_iter()
            .find(|(p, _)| p == "results.json")
            .unwrap()
            .1,
    )
    .unwrap();
    assert!(results["findings"].as_array().unwrap().iter().all(|f| {
        let file = f["file"].as_str().unwrap();
        file.starts_with("AGG001/") || file.starts_with("awscli/")
    }));

    for pkg in [&z1, &d1] {
        let v = verify(pkg, &[]);
        assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
        assert!(
            v.stdout.contains("is intact and reproduces"),
            "{}",
            v.stdout
        );
    }
}

#[test]
fn every_tamper_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    evidence(&pkg, &[]);
    let case = |name: &str, edit: &dyn Fn(&Path)| -> Run {
        let copy = dir.path().join(name);
        common::copy_dir(&pkg, &copy);
        edit(&copy);
        verify(&copy, &[])
    };
    let one_byte = |file: &str| {
        let file = file.to_string();
        move |p: &Path| {
            let path = p.join(&file);
            let mut b = std::fs::read(&path).unwrap();
            let at = b.len() / 2;
            flip(&mut b, at);
            std::fs::write(&path, b).unwrap();
        }
    };
    for (name, file, expect) in [
        (
            "input",
            "inputs/AGG001/positive1.json",
            "inputs/AGG001/positive1.json: changed",
        ),
        ("results", "results.json", "results.json: changed"),
        ("sarif", "results.sarif", "results.sarif: changed"),
        ("html", "report.html", "report.html: changed"),
    ] {
        let r = case(name, &one_byte(file));
        assert_eq!(r.code, 1, "{name}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(expect), "{name}: {}", r.stdout);
    }
    // A changed results.json also does not reproduce, and the changed findings are listed.
    let r = case("results2", &|p: &Path| {
        let path = p.join("results.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("\"line\": 14", "\"line\": 15", 1)).unwrap();
    });
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("results.json: does not reproduce"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("finding only in the package"),
        "{}",
        r.stdout
    );

    // manifest.json: one hex digit of a hash, and one byte of the summary.
    let r = case("manifest", &|p: &Path| {
        let path = p.join("manifest.json");
        let m: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let sha = m["files"][0]["sha256"].as_str().unwrap().to_string();
        let mut tampered = sha.clone().into_bytes();
        flip(&mut tampered, 0);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen(&sha, std::str::from_utf8(&tampered).unwrap(), 1),
        )
        .unwrap();
    });
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("manifest.json records"), "{}", r.stdout);
    let r = case("manifest2", &|p: &Path| {
        let path = p.join("manifest.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen("\"suppressed\": 0", "\"suppressed\": 1", 1),
        )
        .unwrap();
    });
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("manifest.json: /summary/suppressed: recorded 1, reproduced 0"),
        "{}",
        r.stdout
    );

    let r = case("removed", &|p: &Path| {
        std::fs::remove_file(p.join("inputs/awscli/10-describe-us-east-1.json")).unwrap()
    });
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("inputs/awscli/10-describe-us-east-1.json: missing"),
        "{}",
        r.stdout
    );
    let r = case("added", &|p: &Path| {
        std::fs::write(p.join("inputs/AGG001/new.json"), "{}").unwrap()
    });
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("inputs/AGG001/new.json: extra"),
        "{}",
        r.stdout
    );
    #[cfg(unix)]
    {
        let r = case("link", &|p: &Path| {
            std::os::unix::fs::symlink("/etc/hostname", p.join("link.json")).unwrap()
        });
        assert_eq!(r.code, 1);
        assert!(
            r.stdout.contains("link.json: is a symbolic link"),
            "{}",
            r.stdout
        );
    }

    // The same in a zip package.
    let z = dir.path().join("pkg.zip");
    evidence(&z, &[]);
    let bad = dir.path().join("bad.zip");
    rezip(
        &z,
        &bad,
        |name, mut b| {
            if name == "inputs/AGG001/positive1.json" {
                let at = b.len() / 2;
                flip(&mut b, at);
            }
            Some(b)
        },
        &[],
    );
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("inputs/AGG001/positive1.json: changed"),
        "{}",
        r.stdout
    );
    rezip(
        &z,
        &bad,
        |name, b| (name != "report.html").then_some(b),
        &[("notes.txt", b"x")],
    );
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("report.html: missing") && r.stdout.contains("notes.txt: extra"),
        "{}",
        r.stdout
    );
}

#[test]
fn packages_without_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg.zip");
    let r = evidence(&pkg, &["--no-inputs"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let names: Vec<String> = files(&pkg).into_iter().map(|(p, _)| p).collect();
    assert!(!names.iter().any(|n| n.starts_with("inputs/")), "{names:?}");
    let m = manifest(&pkg);
    assert_eq!(m["inputs_included"], false);
    assert!(
        m["inputs"].as_array().unwrap().len() > 20,
        "the hashes stay"
    );

    let r = verify(&pkg, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("cannot be reproduced") && r.stdout.contains("--inputs"),
        "{}",
        r.stdout
    );
    let r = verify(&pkg, &["--inputs", INPUTS[0], "--inputs", INPUTS[1]]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let r = verify(&pkg, &["--inputs", INPUTS[0]]);
    assert_eq!(r.code, 2, "one --inputs per recorded path");
    assert!(r.stderr.contains("AGG001, awscli"), "{}", r.stderr);

    // Originals that changed since.
    let changed = dir.path().join("AGG001");
    common::copy_dir(&common::root().join(INPUTS[0]), &changed);
    let p = changed.join("positive1.json");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replacen("FAILED", "SUCCEEDED", 1)).unwrap();
    let c = changed.display().to_string();
    let r = verify(&pkg, &["--inputs", &c, "--inputs", INPUTS[1]]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("input AGG001/positive1.json: manifest.json records"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("results.json: does not reproduce"),
        "{}",
        r.stdout
    );
}

/// Every 12-digit number in the given files.
fn account_ids(paths: &[PathBuf]) -> BTreeSet<String> {
    let re = regex::Regex::new(r"(^|[^0-9])([0-9]{12})($|[^0-9])").unwrap();
    let mut out = BTreeSet::new();
    for root in paths {
        for e in walkdir::WalkDir::new(root) {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
                for c in re.captures_iter(&text) {
                    out.insert(c[2].to_string());
                }
            }
        }
    }
    out
}

#[test]
fn redacted_packages_hold_no_account_id() {
    let dir = tempfile::tempdir().unwrap();
    // Organization accounts with e-mails and names, beside the fixtures.
    let org = dir.path().join("org-111122223333");
    std::fs::create_dir(&org).unwrap();
    std::fs::write(
        org.join("list-accounts.json"),
        r#"{"Accounts": [{"Id": "111122223333", "Arn": "arn:aws:organizations::999988887777:account/o-abc/111122223333", "Email": "security@example.com", "Name": "Security", "Status": "ACTIVE"}]}"#,
    )
    .unwrap();
    let orgs = org.display().to_string();
    let pkg = dir.path().join("pkg.zip");
    let pkgs = pkg.display().to_string();
    let r = aggrego(&[
        "evidence", INPUTS[0], INPUTS[1], &orgs, "--out", &pkgs, "--redact",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let mut ids = account_ids(&[
        common::root().join(INPUTS[0]),
        common::root().join(INPUTS[1]),
        org.clone(),
    ]);
    assert!(ids.len() >= 5, "{ids:?}");
    ids.insert("111122223333".into());
    for (path, bytes) in files(&pkg) {
        let text = String::from_utf8_lossy(&bytes);
        for id in &ids {
            assert!(
                !text.contains(id.as_str()) && !path.contains(id.as_str()),
                "{id} in {path}"
            );
        }
        for secret in ["security@example.com", "\"Security\""] {
            assert!(!text.contains(secret), "{secret} in {path}");
        }
    }
    let m = manifest(&pkg);
    assert_eq!(m["redacted"], true);
    assert_eq!(m["redaction"]["key"], "default");
    // Same length: locations stay right, findings are the same.
    let plain = dir.path().join("plain.zip");
    let plains = plain.display().to_string();
    aggrego(&["evidence", INPUTS[0], INPUTS[1], &orgs, "--out", &plains]);
    let findings = |p: &Path| -> Vec<(String, u64, u64)> {
        let (_, b) = files(p)
            .into_iter()
            .find(|(n, _)| n == "results.json")
            .unwrap();
        let v: Value = serde_json::from_slice(&b).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule_id"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(findings(&pkg), findings(&plain));
    let r = verify(&pkg, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // A wrong --redact-key is refused, though a package with its inputs does not need one.
    let r = verify(&pkg, &["--redact-key", "not-the-key"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("is not the key the package was redacted with"),
        "{}",
        r.stderr
    );

    // With a key of its own and no inputs: verify needs the key.
    let keyed = dir.path().join("keyed");
    let keyeds = keyed.display().to_string();
    let r = aggrego(&[
        "evidence",
        INPUTS[0],
        "--out",
        &keyeds,
        "--redact",
        "--redact-key",
        "s3cret",
        "--no-inputs",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(manifest(&keyed)["redaction"]["key"], "custom");
    assert!(
        !String::from_utf8_lossy(&std::fs::read(keyed.join("manifest.json")).unwrap())
            .contains("s3cret")
    );
    let r = verify(&keyed, &["--inputs", INPUTS[0]]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("--redact-key"), "{}", r.stderr);
    let r = verify(&keyed, &["--inputs", INPUTS[0], "--redact-key", "s3cret"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn user_policies_are_stored_and_re_run() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    let pkgs = pkg.display().to_string();
    let r = aggrego(&[
        "evidence",
        "examples/policies/fixtures",
        "--policy",
        "examples/policies",
        "--data",
        "examples/policies/data.yaml",
        "--out",
        &pkgs,
        "--fail-on",
        "never",
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let m = manifest(&pkg);
    let user: Vec<&Value> = m["policies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["builtin"] == false)
        .collect();
    assert!(user.len() >= 3, "{user:?}");
    for p in &user {
        let file = p["file"].as_str().unwrap();
        assert!(file.starts_with("policies/policies/"), "{file}");
        let bytes = std::fs::read(pkg.join(file)).unwrap();
        assert_eq!(
            p["sha256"].as_str().unwrap(),
            format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes))
        );
    }
    assert_eq!(m["flags"]["data"][0], "policies/data.yaml");
    assert_eq!(m["flags"]["fail_on"], "never");
    assert!(m["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["file"] == "policies/data.yaml"));
    let results = std::fs::read_to_string(pkg.join("results.json")).unwrap();
    assert!(results.contains("ORG00"), "user policies ran");
    assert_eq!(verify(&pkg, &[]).code, 0);

    // A changed policy: found, and the re-run differs.
    let file = user[0]["file"].as_str().unwrap();
    let p = pkg.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, format!("{text}\n# changed\n")).unwrap();
    let r = verify(&pkg, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!("{file}: changed")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("manifest.json: /policies/"),
        "{}",
        r.stdout
    );
}

#[test]
fn what_a_package_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    assert_eq!(evidence(&pkg, &[]).code, 2);
    // An existing package is replaced only with --force; anything else never.
    let r = evidence(&pkg, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(evidence(&pkg, &["--force"]).code, 2);
    assert_eq!(verify(&pkg, &[]).code, 0, "replaced whole");
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("keep.txt"), "mine").unwrap();
    let r = evidence(&other, &["--force"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an evidence package"), "{}", r.stderr);
    assert!(other.join("keep.txt").exists());

    // Inputs without any timestamp: --now is needed for a reproducible package.
    let tf = dir.path().join("tf");
    let tfs = tf.display().to_string();
    let r = aggrego(&["evidence", "fixtures/AGG003", "--out", &tfs]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--now"), "{}", r.stderr);
    assert!(!tf.exists());
    let r = aggrego(&[
        "evidence",
        "fixtures/AGG003",
        "--out",
        &tfs,
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(manifest(&tf)["now_source"], "flag");
    assert_eq!(verify(&tf, &[]).code, 0);

    // Overlapping paths and a lone .tf file.
    let x = dir.path().join("x").display().to_string();
    let r = aggrego(&["evidence", "fixtures", "fixtures/AGG001", "--out", &x]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("overlaps"), "{}", r.stderr);
    let r = aggrego(&[
        "evidence",
        "fixtures/AGG003/positive3.tf",
        "--out",
        &x,
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("folder"), "{}", r.stderr);
    // Nothing left behind by the refusals.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.iter().all(|n| !n.starts_with(".aggrego")), "{left:?}");
}

#[test]
fn hostile_packages_are_not_packages() {
    let dir = tempfile::tempdir().unwrap();
    let z = dir.path().join("p.zip");
    evidence(&z, &[]);
    let bad = dir.path().join("bad.zip");

    // Zip-slip, an unsafe manifest path, wrong types, no manifest, not a zip.
    rezip(&z, &bad, |_, b| Some(b), &[("../escape.txt", b"x")]);
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("outside the package"), "{}", r.stderr);
    assert!(!dir.path().join("escape.txt").exists());
    rezip(
        &z,
        &bad,
        |n, b| {
            if n != "manifest.json" {
                return Some(b);
            }
            let mut m: Value = serde_json::from_slice(&b).unwrap();
            m["files"][0]["path"] = Value::from("../../etc/passwd");
            Some(serde_json::to_vec(&m).unwrap())
        },
        &[],
    );
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not a safe relative path"),
        "{}",
        r.stderr
    );
    rezip(
        &z,
        &bad,
        |n, b| {
            if n != "manifest.json" {
                return Some(b);
            }
            let mut m: Value = serde_json::from_slice(&b).unwrap();
            m["summary"]["findings"] = Value::from("many");
            Some(serde_json::to_vec(&m).unwrap())
        },
        &[],
    );
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not a valid evidence manifest"),
        "{}",
        r.stderr
    );
    rezip(&z, &bad, |n, b| (n != "manifest.json").then_some(b), &[]);
    assert_eq!(verify(&bad, &[]).code, 2);
    std::fs::write(&bad, b"PK\x03\x04 not really").unwrap();
    assert_eq!(verify(&bad, &[]).code, 2);
    assert_eq!(verify(&dir.path().join("nothing-here"), &[]).code, 2);

    // An entry far larger than the manifest says is read only that far.
    let big = vec![b'0'; 200 * 1024 * 1024];
    rezip(
        &z,
        &bad,
        |n, b| {
            Some(if n == "inputs/AGG001/positive1.json" {
                big.clone()
            } else {
                b
            })
        },
        &[],
    );
    let t = std::time::Instant::now();
    let r = verify(&bad, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("inputs/AGG001/positive1.json: changed")
            && r.stdout.contains("more than"),
        "{}",
        r.stdout
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(60));
}

/// Ctrl-C while a package is made leaves neither the package nor a temporary.
#[cfg(unix)]
#[test]
fn interrupt_leaves_no_package() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<Value> = (0..300_000)
        .map(|i| {
            serde_json::json!({"SourceId": format!("{i:012}"), "SourceType": "ACCOUNT",
            "AwsRegion": "us-east-1", "LastUpdateStatus": "FAILED", "LastUpdateTime": 1795440000})
        })
        .collect();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("status.json"),
        serde_json::json!({"AggregatedSourceStatusList": items}).to_string(),
    )
    .unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for target in ["pkg.zip", "pkg"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
            .current_dir(dir.path())
            .args([
                "evidence",
                "in",
                "--out",
                &format!("out/{target}"),
                "--redact",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let t = std::time::Instant::now();
        while std::fs::read_dir(&out).unwrap().count() == 0
            && t.elapsed() < std::time::Duration::from_secs(20)
        {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(child.id() as i32, libc::SIGINT);
        }
        let status = child.wait().unwrap();
        if status.code() == Some(1) {
            // Finished before the signal on this machine: start again for the next form.
            let _ = std::fs::remove_dir_all(out.join(target));
            let _ = std::fs::remove_file(out.join(target));
            continue;
        }
        assert_eq!(status.code(), Some(130), "{target}");
        let left: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{target}: {left:?}");
    }
}

/// Suppressions travel with the package: a folder's waivers file, and --waivers.
#[test]
fn waivers_are_part_of_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    let pkgs = pkg.display().to_string();
    let r = aggrego(&[
        "evidence",
        "fixtures/_suppressions/waivers",
        "--out",
        &pkgs,
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert!(r.code == 1 || r.code == 2, "{}", r.stderr);
    assert!(pkg.join("inputs/waivers/.aggrego-waivers.yaml").is_file());
    let m = manifest(&pkg);
    assert!(
        m["summary"]["suppressed"].as_u64().unwrap() > 0,
        "{}",
        m["summary"]
    );
    let results = std::fs::read_to_string(pkg.join("results.json")).unwrap();
    assert!(
        results.contains("\"file\": \"waivers/.aggrego-waivers.yaml\""),
        "suppressions name the package's waivers file"
    );
    assert_eq!(verify(&pkg, &[]).code, 0);

    let given = dir.path().join("given");
    let givens = given.display().to_string();
    let waivers = common::root().join("fixtures/_suppressions/waivers/.aggrego-waivers.yaml");
    let w = waivers.display().to_string();
    aggrego(&[
        "evidence",
        "fixtures/_suppressions/waivers",
        "--waivers",
        &w,
        "--out",
        &givens,
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert!(given.join("waivers/.aggrego-waivers.yaml").is_file());
    assert_eq!(
        manifest(&given)["flags"]["waivers"],
        "waivers/.aggrego-waivers.yaml"
    );
    assert_eq!(verify(&given, &[]).code, 0);
}

/// `aggrego evidence . --out pkg`: the package is not an input of itself.
#[test]
fn a_package_inside_the_scanned_folder() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &common::root().join("fixtures/AGG001"),
        &dir.path().join("snap"),
    );
    let run = || {
        common::aggrego_in(
            &dir.path().join("snap"),
            &["evidence", ".", "--out", "pkg", "--force"],
        )
    };
    assert_eq!(run().code, 1);
    let first = files(&dir.path().join("snap/pkg"));
    assert_eq!(run().code, 1);
    assert_eq!(
        files(&dir.path().join("snap/pkg")),
        first,
        "the second run does not read the first package"
    );
    assert!(
        first.iter().all(|(p, _)| !p.starts_with("inputs/snap/pkg")),
        "{first:?}"
    );
    assert_eq!(
        manifest(&dir.path().join("snap/pkg"))["roots"][0]["name"],
        "snap"
    );
    assert_eq!(
        common::aggrego_in(&dir.path().join("snap"), &["evidence", "verify", "pkg"]).code,
        0
    );
}

/// Values given for variables and parameters are part of the package: files
/// under `values/`, flags in the manifest, and `verify` re-runs with them.
#[test]
fn given_values_are_part_of_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    let pkgs = pkg.display().to_string();
    let r = aggrego(&[
        "evidence",
        "fixtures/_semantics/12-var-file",
        "fixtures/_semantics/11-parameter-file-create-stack",
        "--var-file",
        "fixtures/_semantics/12-var-file/prod.tfvars",
        "--var",
        "all_regions=false",
        "--parameter-file",
        "fixtures/_semantics/11-parameter-file-create-stack/params.json",
        "--out",
        &pkgs,
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(pkg.join("values/prod.tfvars").is_file());
    assert!(pkg.join("values/params.json").is_file());
    let flags = &manifest(&pkg)["flags"];
    assert_eq!(flags["var_files"][0], "values/prod.tfvars");
    assert_eq!(flags["parameter_files"][0], "values/params.json");
    assert_eq!(flags["vars"][0], "all_regions=false");
    let results = std::fs::read_to_string(pkg.join("results.json")).unwrap();
    assert!(
        results.contains("all_regions is false (regions aggregated: eu-west-1)"),
        "the variable file's values were applied"
    );
    assert!(
        results.contains("AccountAggregationSources[0] does not aggregate all regions"),
        "the parameter file's values were applied"
    );
    assert_eq!(verify(&pkg, &[]).code, 0);
}

/// A package records the scope and the capture (caller ARN, every failed call)
/// and who prepared it, in manifest.json, results.json and report.html; it
/// verifies; and the reports' policy hashes are those of the manifest.
#[test]
fn scope_and_provenance_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    let run = aggrego(&[
        "evidence",
        "fixtures/AGG009/manifest",
        "--prepared-by",
        "Internal Audit",
        "--out",
        &pkg.display().to_string(),
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let m = manifest(&pkg);
    assert_eq!(m["prepared_by"], "Internal Audit");
    assert_eq!(m["flags"]["prepared_by"], "Internal Audit");
    let snapshot = &m["snapshots"][0];
    assert_eq!(snapshot["manifest"], "manifest/manifest.json");
    assert_eq!(
        snapshot["caller_arn"],
        "arn:aws:iam::999999999999:user/auditor"
    );
    let failed: Vec<&str> = snapshot["failed_calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["account list-regions", "ec2 describe-regions"]);
    assert_eq!(m["scope"]["accounts"]["source"]["kind"], "organizations");

    let results: Value =
        serde_json::from_slice(&std::fs::read(pkg.join("results.json")).unwrap()).unwrap();
    let p = &results["provenance"];
    assert_eq!(p["snapshots"], m["snapshots"]);
    assert_eq!(results["scope"], m["scope"]);
    assert_eq!(p["flags"], m["flags"]);
    assert_eq!(p["prepared_by"], "Internal Audit");
    assert_eq!(p["policies"], m["policies"]);
    let html = std::fs::read_to_string(pkg.join("report.html")).unwrap();
    for text in [
        "Scope and provenance",
        "arn:aws:iam::999999999999:user/auditor",
        "ec2 describe-regions",
        "Internal Audit",
    ] {
        assert!(html.contains(text), "{text} not in report.html");
    }
    let v = verify(&pkg, &[]);
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);

    // Each is compared with the re-run's: a changed caller or preparer is found,
    // and a manifest without them (an earlier aggrego's) is named as such.
    let edited = |name: &str, edit: &dyn Fn(&mut Value)| -> Run {
        let copy = dir.path().join(name);
        common::copy_dir(&pkg, &copy);
        let path = copy.join("manifest.json");
        let mut m: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        edit(&mut m);
        let mut text = serde_json::to_vec_pretty(&m).unwrap();
        text.push(b'\n');
        std::fs::write(&path, text).unwrap();
        verify(&copy, &[])
    };
    let r = edited("caller", &|m| {
        m["snapshots"][0]["caller_arn"] = "arn:aws:iam::999999999999:user/someone-else".into()
    });
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("/snapshots/0/caller_arn"), "{}", r.stdout);
    let r = edited("preparer", &|m| m["prepared_by"] = "Someone Else".into());
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("/prepared_by"), "{}", r.stdout);
    let r = edited("earlier", &|m| {
        let m = m.as_object_mut().unwrap();
        for key in ["scope", "snapshots", "prepared_by"] {
            m.remove(key);
        }
    });
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("has no `scope`"), "{}", r.stdout);
}

/// The auditor's acceptance test: a capture of the mock organisation by the
/// collect script (its `partial-capture` variant: two calls refused), made into
/// an evidence package. The package gives every built-in rule a result with its
/// counts, the caller's ARN and both failed calls, and each aggregator's heat
/// map a row for every ACTIVE account of the organisation.
#[test]
fn an_organisation_snapshot_answers_the_auditor() {
    use crate::common::mock_aws::{generate, run_script, scenario, Mock};
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is missing (tests/mock_aws/setup.sh needs it for the AWS CLI and moto)");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let (script, _) = generate(work.path(), &[]);
    let snapshot = work.path().join("snapshot");
    {
        let mock = Mock::start(Some("partial-capture"));
        let out = run_script(&script, &[snapshot.as_os_str()], Some(&mock), None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "an incomplete capture: {stderr}"
        );
    }
    let pkg = work.path().join("pkg");
    let run = aggrego(&[
        "evidence",
        &snapshot.display().to_string(),
        "--out",
        &pkg.display().to_string(),
        "--no-progress",
    ]);
    assert_eq!(run.code, 1, "findings: {}{}", run.stdout, run.stderr);
    let m = manifest(&pkg);
    let html = std::fs::read_to_string(pkg.join("report.html")).unwrap();

    // Every built-in rule, with its result and counts.
    let rows = m["summary"]["by_rule"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["rule"].as_str().unwrap()).collect();
    let builtin: Vec<String> = (1..=12).map(|n| format!("AGG{n:03}")).collect();
    assert_eq!(ids, builtin);
    for r in rows {
        let (checked, failed) = (
            r["checked"].as_u64().unwrap(),
            r["failed"].as_u64().unwrap(),
        );
        let status = r["status"].as_str().unwrap();
        let want = match (checked, failed) {
            (_, f) if f > 0 => "FAIL",
            (0, _) => "NOT APPLICABLE",
            _ => "PASS",
        };
        assert_eq!(status, want, "{r}");
        assert!(failed <= checked, "{r}");
        let rule = r["rule"].as_str().unwrap();
        assert!(
            html.contains(&format!(
                "<tr><td><code>{rule}</code></td><td><span class=\"st st-"
            )),
            "{rule} has no row in report.html"
        );
    }
    let status = |rule: &str| rows.iter().find(|r| r["rule"] == rule).unwrap()["status"].clone();
    // The scenario's failing sources, its blind spots and the refused calls.
    for rule in ["AGG001", "AGG007", "AGG009"] {
        assert_eq!(status(rule), "FAIL", "{rule}");
    }

    // The caller and every failed call, in the manifest and the report.
    let sc = scenario();
    let arn = format!(
        "arn:aws:iam::{}:user/{}",
        sc["caller"]["account"].as_str().unwrap(),
        sc["caller"]["user"].as_str().unwrap()
    );
    let capture = &m["snapshots"][0];
    assert_eq!(capture["caller_arn"], arn.as_str());
    let failed = capture["failed_calls"].as_array().unwrap();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(html.contains(&arn));
    for call in failed {
        let command = call["command"].as_str().unwrap();
        assert!(html.contains(command), "{command} not in report.html");
    }

    // A heat-map row for every ACTIVE account, in every aggregator's grid.
    let active: Vec<&str> = sc["organization"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "ACTIVE")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(active.len(), 5);
    let grids: Vec<&str> = html.split("<table class=\"grid\"").skip(1).collect();
    let aggregators = sc["aggregators"].as_array().unwrap().len();
    assert_eq!(grids.len(), aggregators, "a heat map per aggregator");
    for grid in grids {
        let grid = &grid[..grid.find("</table>").unwrap()];
        for id in &active {
            assert!(
                grid.contains(&format!("scope=\"row\" title=\"{id}")),
                "account {id} has no row in {}",
                &grid[..grid.find('\n').unwrap_or(grid.len())]
            );
        }
    }
}

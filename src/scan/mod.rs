//! One scan: discover, load and parse in parallel, resolve context, evaluate, locate.

pub mod provenance;
pub mod subject;
pub mod variants;

use crate::config::cli::FailOn;
use crate::config::{ScanConfig, Selection};
use crate::diag::Diagnostic;
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::input::{self, Ctx, Parsed};
use crate::load::discover::{self, Candidate};
use crate::load::open::io_reason;
use crate::load::open::Trust;
use crate::load::source::{self, display_path, SourceFile};
use crate::model::aws;
use crate::model::finding::Finding;
use crate::model::timestamp::Instant;
use crate::model::InputKind;
use crate::model::Learnt;
use crate::model::NowSource;
use crate::model::{Inventory, Settings, Span, StatusContext};
use crate::policy::catalog::Rule;
use crate::policy::engine::Engine;
use crate::policy::engine::RawFinding;
use crate::policy::policyset::PolicySet;
use crate::scan::subject::Checked;
use crate::suppress::{self, waivers};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

/// One scan: the configuration the user gave, and what the command adds to it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Paths, values, limits and rules, as the user gave them.
    pub config: ScanConfig,
    /// `TF_VAR_NAME` from the environment (`scan` and `inspect` only; never recorded).
    pub env_vars: Vec<(String, String)>,
    /// Every rule id that exists (for checking suppressions); empty: the
    /// engine's policies and aggrego's own rules.
    pub known_ids: BTreeSet<String>,
    /// aggrego's own rules to apply; `None`: all of them.
    pub own_rules: Option<Vec<Rule>>,
    /// Show progress on standard error when the scan takes a while.
    pub progress: bool,
    /// Display names for what lies under these roots: `(root, name)` calls a file
    /// `name/<path relative to root>` (the root itself `name`), whatever the
    /// current folder or the root's spelling. Empty: paths as given.
    pub names: Vec<(PathBuf, String)>,
    /// Problems found before the scan (inputs an evidence package could not
    /// copy), reported with the scan's own.
    pub errors: Vec<Diagnostic>,
}

impl Options {
    /// How reports name a path shown as `shown` (`display_path` form).
    pub fn display_name(&self, shown: &str) -> String {
        if self.names.is_empty() {
            return shown.to_string();
        }
        // Compared as absolute paths, so `.`, `./x` and `x` are the same root.
        let Ok(path) = std::path::absolute(shown) else {
            return shown.to_string();
        };
        for (root, name) in &self.names {
            let Ok(root) = std::path::absolute(root) else {
                continue;
            };
            if let Ok(rest) = path.strip_prefix(&root) {
                let rest = display_path(rest);
                return if rest.is_empty() {
                    name.clone()
                } else {
                    format!("{name}/{rest}")
                };
            }
        }
        shown.to_string()
    }

    fn name_of(&self, path: &std::path::Path) -> String {
        self.display_name(&display_path(path))
    }
}

/// Bounds on what one scan reads; past them, a clear error and the rest goes on.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Larger files are reported and not read (`--max-file-size`).
    pub max_file_size: u64,
    /// Files beyond this many are reported and not read (`--max-files`).
    pub max_files: usize,
    /// Aggregators and source statuses one file may hold
    /// (`--max-aggregators-per-file`, `--max-items-per-file`).
    pub items: input::ItemLimits,
    /// Findings of one rule in one file; the rest are counted in an error
    /// (`--max-findings-per-rule`). As many as source statuses a file may
    /// hold: every status of a large export can be stale.
    pub max_findings_per_rule: usize,
    /// Errors in one file; the rest are counted in one more (`--max-errors-per-file`).
    pub max_errors_per_file: usize,
}

impl Limits {
    pub fn of(c: &ScanConfig) -> Limits {
        Limits {
            max_file_size: c.max_file_size,
            max_files: c.max_files,
            items: input::ItemLimits {
                aggregators: c.max_aggregators_per_file,
                items: c.max_items_per_file,
            },
            max_findings_per_rule: c.max_findings_per_rule,
            max_errors_per_file: c.max_errors_per_file,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::of(&ScanConfig::default())
    }
}

pub struct ScanResult {
    pub files: Vec<SourceFile>,
    pub files_scanned: usize,
    pub findings: Vec<Finding>,
    pub errors: Vec<Diagnostic>,
    pub now: Instant,
    pub now_source: NowSource,
    /// The rules that ran, in catalogue order.
    pub rules: Vec<Rule>,
    /// Every item the policies could check.
    pub checked: Checked,
    /// The inputs hold no aggregator data at all (no aggregator definition or
    /// describe entry, sources status, or region listing) and gave no finding.
    pub nothing_checked: bool,
    /// Accounts × regions of each aggregator whose coverage the scan can judge.
    pub coverage: Vec<crate::resolve::coverage::Grid>,
    /// Which accounts, regions and aggregators the scan covers, and from where.
    pub scope: crate::resolve::scope::Scope,
    /// How the inputs were captured and the results made.
    pub provenance: provenance::Provenance,
    /// Each rule's counts of the items it checked ([`ScanResult::tallies`]):
    /// made by the first report that shows them, then shared by the others
    /// (an evidence package writes three).
    pub tallies: std::sync::OnceLock<Vec<Option<subject::Tally>>>,
}

impl ScanResult {
    /// Findings that count: not suppressed.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.suppressed)
    }

    pub fn suppressed_count(&self) -> usize {
        self.findings.iter().filter(|f| f.suppressed).count()
    }

    /// For each rule (in [`ScanResult::rules`] order), what it checked and
    /// found; `None` for a rule that checks no input collection.
    pub fn tallies(&self) -> &[Option<subject::Tally>] {
        self.tallies.get_or_init(|| subject::tally(self))
    }
}

/// What a scan runs, as its configuration selects: the engine with the
/// selected policies, aggrego's own rules, and the selection for the exit code.
pub struct Plan {
    pub engine: Engine,
    pub selection: Selection,
    /// Every rule id of the catalogue: suppressions may name any.
    pub known: BTreeSet<String>,
    /// aggrego's own rules that run (waivers, suppressions).
    pub own_rules: Vec<Rule>,
}

impl Plan {
    pub fn new(set: PolicySet, config: &ScanConfig) -> Result<Plan, Fatal> {
        let mut catalogue = crate::policy::catalog::catalogue(&set.policies);
        let known: BTreeSet<String> = catalogue.iter().map(|r| r.id.to_string()).collect();
        let selection = Selection::new(config, &known)?;
        let policies: Vec<_> = set
            .policies
            .into_iter()
            .filter(|p| selection.runs(p.id()))
            .collect();
        catalogue.retain(|r| r.checks.is_none() && selection.runs(&r.id));
        let engine = Engine::with(policies, &set.extras).map_err(Fatal)?;
        Ok(Plan {
            engine,
            selection,
            known,
            own_rules: catalogue,
        })
    }

    /// The options of a scan of `config` under this plan.
    pub fn options(&self, config: ScanConfig) -> Options {
        Options {
            config,
            known_ids: self.known.clone(),
            own_rules: Some(self.own_rules.clone()),
            ..Options::default()
        }
    }
}

impl ScanResult {
    /// 2 on any error, else 1 when an unsuppressed finding reaches the
    /// threshold or is of a `--fail-on-rule` rule, else 0.
    pub fn exit_code(&self, fail_on: FailOn, selection: &Selection) -> u8 {
        if !self.errors.is_empty() {
            return EXIT_ERROR;
        }
        let threshold = fail_on.threshold();
        let fails = self.active().any(|f| {
            threshold.is_some_and(|t| f.severity >= t) || selection.fail_on.contains(&*f.rule_id)
        });
        if fails {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

/// One scan, stage by stage: load and parse the inputs (the policies compile
/// beside them), resolve what no file states, encode the policy input,
/// evaluate, locate, suppress, and put the result in report order.
pub fn scan(opts: &Options, engine: &Engine) -> ScanResult {
    let trace = Trace::start();
    let progress = crate::output::progress::Progress::new(opts.progress, 0);
    // Load: every file the scan reads is read here, the waivers first.
    let waiver_texts = read_waivers(opts);
    let baseline_text = read_baseline(opts);
    let Prepared {
        mut files,
        inventory,
        mut errors,
        now,
        now_source,
        settings,
    } = parse(opts, engine, &progress);
    trace.mark("parsed");

    // Resolve: what suppressions, JUnit and the coverage grid need of the
    // definitions, before the inventory is encoded.
    let owners = suppress::Owners::from_inventory(&inventory, &files);
    let subjects = crate::scan::subject::collect(&inventory);
    let nothing_checked = inventory.aggregators.is_empty()
        && inventory.unchecked.is_empty()
        && inventory.source_statuses.is_empty()
        && inventory.region_listings.is_empty();
    let file_names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let coverage_items = crate::resolve::coverage::build(&inventory, &settings, &file_names);
    let scope = crate::resolve::scope::build(&inventory, &settings, &coverage_items, &file_names);
    let provenance = provenance::Provenance::new(
        &opts.config,
        engine,
        crate::resolve::scope::captures(&inventory, &file_names),
    );
    drop(file_names);
    let coverage = crate::resolve::coverage::grids(&coverage_items, &settings);

    // Encode, evaluate.
    let (input, locs) = inventory.to_input(&settings, &coverage_items, &files);
    drop(coverage_items);
    let checked = Checked::new(subjects, locs.statuses());
    trace.mark("input built");
    progress.stage("evaluating policies");
    let (raw, policy_errors) = engine.evaluate_input(&input, now.ns);
    let_go(
        input.status_count() + input.aggregator_count() > 1000,
        input,
    );
    trace.mark("evaluated");
    errors.extend(policy_errors);

    // Locate.
    let mut findings = locate_all(engine, raw, &locs, &files, &mut errors);
    let_go(locs.status_count() > 1000, locs);

    // Suppress, then aggrego's own rules about suppressions.
    let mut rules: Vec<Rule> = engine.policies().iter().map(Rule::from_policy).collect();
    rules.extend(
        opts.own_rules
            .clone()
            .unwrap_or_else(crate::policy::catalog::own_rules),
    );
    let known: BTreeSet<String> = if opts.known_ids.is_empty() {
        rules.iter().map(|r| r.id.to_string()).collect()
    } else {
        opts.known_ids.clone()
    };
    let ran: BTreeSet<String> = engine
        .policies()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    let files_scanned = files.len();
    let waiver_list = parse_waivers(waiver_texts, &mut files, &known, &mut errors);
    let baseline = parse_baseline(baseline_text, &mut files, &mut errors);
    let file_names: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.name.as_str())).collect();
    suppress::apply(
        &mut findings,
        &suppress::Context {
            files: &files,
            file_names: &file_names,
            owners: &owners,
            waivers: &waiver_list,
            baseline: &baseline,
            now_ns: now.ns,
            known: &known,
            ran: &ran,
            rules: &rules,
        },
        &mut errors,
    );

    // Report order, within the per-file bounds.
    let limits = Limits::of(&opts.config);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    cap_findings(&mut findings, limits.max_findings_per_rule, &mut errors);
    Diagnostic::sort_and_dedup(&mut errors);
    let mut errors = cap_errors(errors, limits.max_errors_per_file);
    Diagnostic::sort_and_dedup(&mut errors);
    trace.mark("located and sorted");
    progress.finish();
    // Findings about saved outputs alone (an incomplete capture) are
    // something checked; input errors speak for themselves.
    let nothing_checked = nothing_checked && findings.is_empty() && errors.is_empty();
    ScanResult {
        files_scanned,
        files,
        findings,
        errors,
        now,
        now_source,
        rules,
        checked,
        nothing_checked,
        coverage,
        scope,
        provenance,
        tallies: Default::default(),
    }
}

/// Timings and memory of each stage on standard error, with `AGGREGO_TRACE` set.
struct Trace {
    start: std::time::Instant,
    on: bool,
}

impl Trace {
    fn start() -> Trace {
        Trace {
            start: std::time::Instant::now(),
            on: std::env::var_os("AGGREGO_TRACE").is_some(),
        }
    }

    fn mark(&self, what: &str) {
        if !self.on {
            return;
        }
        let rss = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
            })
            .map_or(0, |pages| pages * 4096 / 1_000_000);
        eprintln!(
            "{:>8.3}s {what} (rss {rss} MB)",
            self.start.elapsed().as_secs_f64()
        );
    }
}

/// Read and parse the inputs. The policies are compiled beside the parsing,
/// from the first file that holds something to check: by the time the inputs
/// are read, they are ready.
fn parse(
    opts: &Options,
    engine: &Engine,
    progress: &crate::output::progress::Progress,
) -> Prepared {
    std::thread::scope(|scope| {
        let started = std::sync::Once::new();
        let compile = || {
            started.call_once(|| {
                scope.spawn(|| engine.prepare_policies());
            })
        };
        prepare_with(opts, progress, &compile)
    })
}

/// Each finding's `loc` turned into its file, span, line and column, and the
/// resource it belongs to (in parallel: a line and column is a search in the
/// file), in order; findings of a definition read several ways merged.
fn locate_all(
    engine: &Engine,
    raw: Vec<RawFinding>,
    locs: &crate::encode::Locations,
    files: &[SourceFile],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Finding> {
    let shared: Vec<PolicyStrings> = engine
        .policies()
        .iter()
        .map(|p| PolicyStrings {
            id: Arc::from(p.id()),
            title: Arc::from(p.meta.title.as_str()),
            remediation: Arc::from(p.meta.custom.remediation.trim()),
            references: Arc::from(p.references()),
        })
        .collect();
    let file_names: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.name.as_str())).collect();
    let located: Vec<Result<(Finding, Option<crate::encode::Reading>), Diagnostic>> = raw
        .into_par_iter()
        .with_min_len(256)
        .map(|r| {
            let reading = locs.reading(r.loc).cloned();
            let policy = &engine.policies()[r.policy];
            let Some((span, owner)) = locs.get(r.loc) else {
                return Err(Diagnostic::whole(
                    &policy.path,
                    format!(
                        "finding `{}` has a `loc` that is not an input location",
                        r.msg
                    ),
                ));
            };
            Ok((
                locate(
                    policy,
                    &shared[r.policy],
                    &file_names,
                    r,
                    span,
                    owner,
                    files,
                ),
                reading,
            ))
        })
        .collect();
    let mut findings = Vec::with_capacity(located.len());
    for l in located {
        match l {
            Ok(f) => findings.push(f),
            Err(e) => errors.push(e),
        }
    }
    if locs.readings().is_empty() {
        findings.into_iter().map(|(f, _)| f).collect()
    } else {
        crate::scan::variants::merge(findings, locs.readings())
    }
}

/// A waivers or baseline file as read: its path, its name in reports, and its
/// text or why it could not be read.
struct SideFile {
    path: PathBuf,
    name: String,
    text: Result<String, String>,
}

/// Read the waivers files (`--waivers`, else each scanned folder's).
fn read_waivers(opts: &Options) -> Vec<SideFile> {
    waiver_files(opts)
        .into_iter()
        .map(|(path, root)| {
            let name = opts.name_of(&path);
            let trust = root.as_deref().map_or(Trust::Named, |r| {
                Trust::Within(r, crate::load::open::Root::ScannedFolder)
            });
            let text = read_text(&path, trust, "the waivers file");
            SideFile { path, name, text }
        })
        .collect()
}

/// Read `--baseline FILE`, when given (a file the user named).
fn read_baseline(opts: &Options) -> Option<SideFile> {
    let path = opts.config.baseline.clone()?;
    let name = opts.name_of(&path);
    let text = read_text(&path, Trust::Named, "the baseline file");
    Some(SideFile { path, name, text })
}

/// The text of a file the scan reads beside its inputs (`what`: "the
/// waivers file"), or why it cannot be read.
fn read_text(path: &std::path::Path, trust: Trust<'_>, what: &str) -> Result<String, String> {
    crate::load::open::read(path, trust)
        .map_err(|e| match e {
            e if e.is_not_found() => format!("{what} does not exist"),
            e => format!("cannot read {what}: {e}"),
        })
        .and_then(|b| source::decode(b).map_err(|e| format!("cannot read {what}: {}", e.message)))
}

/// Parse the baseline read: it becomes a file of the scan, so its entries
/// and errors are located.
fn parse_baseline(
    text: Option<SideFile>,
    files: &mut Vec<SourceFile>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<suppress::baseline::Entry> {
    let Some(b) = text else { return Vec::new() };
    match b.text {
        Ok(text) => {
            let id = files.len() as u32;
            files.push(SourceFile::named(b.path, b.name, text));
            let (entries, errs) = suppress::baseline::parse(id, &files[id as usize]);
            errors.extend(errs);
            entries
        }
        Err(e) => {
            errors.push(Diagnostic::whole(&b.name, e));
            Vec::new()
        }
    }
}

/// Parse the waivers read: each becomes a file of the scan (after the inputs),
/// so its entries and errors are located.
fn parse_waivers(
    texts: Vec<SideFile>,
    files: &mut Vec<SourceFile>,
    known: &BTreeSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<waivers::Waiver> {
    let mut out = Vec::new();
    for w in texts {
        match w.text {
            Ok(text) => {
                let id = files.len() as u32;
                files.push(SourceFile::named(w.path, w.name, text));
                let (list, errs) = waivers::parse(id, &files[id as usize], &|r| known.contains(r));
                out.extend(list);
                errors.extend(errs);
            }
            Err(e) => errors.push(Diagnostic::whole(&w.name, e)),
        }
    }
    out
}

/// Keep the first `max` findings of each rule in each file (in report order);
/// the others are counted in one error per rule and file.
fn cap_findings(findings: &mut Vec<Finding>, max: usize, errors: &mut Vec<Diagnostic>) {
    let mut counts: std::collections::HashMap<(Arc<str>, Arc<str>), usize> = Default::default();
    findings.retain(|f| {
        let n = counts
            .entry((f.file.clone(), f.rule_id.clone()))
            .or_default();
        *n += 1;
        *n <= max
    });
    let mut over: Vec<_> = counts.into_iter().filter(|(_, n)| *n > max).collect();
    over.sort();
    for ((file, rule), n) in over {
        errors.push(Diagnostic::whole(
            &file,
            format!(
                "{} more {rule} findings in this file are not reported: at most {max} are (--max-findings-per-rule)",
                n - max
            ),
        ));
    }
}

/// Keep the first `max` errors of each file (in the order given); the others
/// are counted in one more error for that file.
fn cap_errors(errors: Vec<Diagnostic>, max: usize) -> Vec<Diagnostic> {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let mut out = Vec::with_capacity(errors.len().min(max.saturating_mul(4)));
    for e in errors {
        let n = counts.entry(e.path.clone()).or_default();
        *n += 1;
        if *n <= max {
            out.push(e);
        }
    }
    let mut over: Vec<_> = counts.into_iter().filter(|(_, n)| *n > max).collect();
    over.sort();
    for (path, n) in over {
        out.push(Diagnostic::whole(
            &path,
            format!(
                "{} more errors in this file are not reported: at most {max} are (--max-errors-per-file)",
                n - max
            ),
        ));
    }
    out
}

/// Drop `value`; when `large`, on a thread of its own: letting go of a large
/// input is a walk over all of it, better done beside the locating and
/// reporting that follow than before them.
fn let_go<T: Send + 'static>(large: bool, value: T) {
    if large {
        std::thread::spawn(move || drop(value));
    } else {
        drop(value);
    }
}

/// `--waivers FILE`, else `.aggrego-waivers.yaml` in each scanned folder
/// (with that folder: the file must lie inside it).
fn waiver_files(opts: &Options) -> Vec<(PathBuf, Option<PathBuf>)> {
    if let Some(p) = &opts.config.waivers {
        return vec![(p.clone(), None)];
    }
    // Present in any form (a dangling or outside link too): reading it says
    // why it is refused, rather than passing over it in silence.
    let mut out: Vec<(PathBuf, Option<PathBuf>)> = opts
        .config
        .paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| (p.join(waivers::DEFAULT_FILE), Some(p.clone())))
        .filter(|(p, _)| std::fs::symlink_metadata(p).is_ok())
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// A scan's inputs read, normalised and put in context, before any policy runs.
pub struct Prepared {
    pub files: Vec<SourceFile>,
    pub inventory: Inventory,
    pub errors: Vec<Diagnostic>,
    pub now: Instant,
    pub now_source: NowSource,
    pub settings: Settings,
}

/// Discover, load and parse in parallel, resolve context, fix "now".
pub fn prepare(opts: &Options, progress: &crate::output::progress::Progress) -> Prepared {
    prepare_with(opts, progress, &|| {})
}

/// [`prepare`], calling `found` when a file turns out to hold something to check.
fn prepare_with(
    opts: &Options,
    progress: &crate::output::progress::Progress,
    found: &(dyn Fn() + Sync),
) -> Prepared {
    let (candidates, names, mut errors) = candidates(opts);
    // Parameter and variable files are read first: every input is read with their values.
    let (given_files, given, given_errors) = load_given(opts, candidates.len());
    errors.extend(given_errors);
    let ctx = Ctx {
        limits: Limits::of(&opts.config).items,
        aggregator: opts.config.aggregator.as_deref(),
        region: opts.config.region.as_deref(),
        parameters: &given.parameters,
        variables: &given.variables,
    };
    progress.set_length(candidates.len() as u64);
    let loaded: Vec<Loaded> = candidates
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let l = load_and_parse(
                found,
                i as u32,
                c,
                names[i].clone(),
                &ctx,
                Limits::of(&opts.config).max_file_size,
            );
            progress.inc();
            l
        })
        .collect();

    // Files named on the command line, not their module siblings, are reported.
    let sibling: Vec<bool> = candidates.iter().map(|c| c.sibling).collect();
    let mut inventory = Inventory::default();
    let mut files = Vec::with_capacity(loaded.len());
    let mut terraform = Vec::new();
    let max_errors = Limits::of(&opts.config).max_errors_per_file;
    for (id, (file, parsed, tf)) in loaded.into_iter().enumerate() {
        inventory.append(parsed.inventory);
        errors.extend(cap_errors(parsed.errors, max_errors));
        files.push(file);
        if let Some(mentions) = tf {
            terraform.push((id as u32, mentions));
        }
    }
    for parsed in parse_terraform(&mut files, &terraform, &ctx) {
        inventory.append(parsed.inventory);
        errors.extend(cap_errors(parsed.errors, max_errors));
    }
    files.extend(given_files);
    errors.extend(undeclared(&given, &inventory));
    input::terraform::relocate_plan_findings(&mut inventory.aggregators, &files);
    if sibling.iter().any(|s| *s) {
        let reported = |f: u32| !sibling.get(f as usize).copied().unwrap_or(false);
        inventory.aggregators.retain(|a| reported(a.file));
        inventory.unchecked.retain(|u| reported(u.file));
    }
    if let Some(path) = &opts.config.expect_accounts {
        let name = opts.name_of(path);
        read_expected_accounts(path, name, &mut files, &mut inventory, &mut errors, &ctx);
    }
    crate::resolve::snapshot::apply_manifests(&mut inventory, &files);
    resolve_status_context(&mut inventory, &files, &ctx);

    let (now, now_source) = scan_now(opts, &inventory);
    let settings = settings(opts, &inventory, &now, now_source);
    Prepared {
        files,
        inventory,
        errors,
        now,
        now_source,
        settings,
    }
}

/// The files to read, each with its display name (ordered by it when names
/// are given), at most `--max-files` of them; and the problems met so far.
fn candidates(opts: &Options) -> (Vec<Candidate>, Vec<String>, Vec<Diagnostic>) {
    let (mut candidates, mut errors) = discover::discover(&opts.config.paths);
    if opts.config.skip_unrecognised {
        for c in &mut candidates {
            c.explicit = false;
        }
    }
    let names: Vec<String> = if opts.names.is_empty() {
        candidates.iter().map(|c| display_path(&c.path)).collect()
    } else {
        for e in &mut errors {
            e.path = opts.display_name(&e.path);
        }
        // Ordered by display name, so the order does not depend on where the
        // roots are.
        let mut named: Vec<(String, Candidate)> = candidates
            .into_iter()
            .map(|c| (opts.name_of(&c.path), c))
            .collect();
        named.sort_by(|a, b| std::path::Path::new(&a.0).cmp(std::path::Path::new(&b.0)));
        let names;
        (names, candidates) = named.into_iter().unzip();
        names
    };
    errors.extend(opts.errors.iter().cloned());
    let max_files = Limits::of(&opts.config).max_files;
    if candidates.len() > max_files {
        errors.push(Diagnostic::whole(
            &names[max_files],
            format!(
                "{} files found; only the first {max_files} are scanned (--max-files); this file and those after it are not",
                candidates.len(),
            ),
        ));
        candidates.truncate(max_files);
    }
    (candidates, names, errors)
}

/// The scan's "now": `--now`, else the snapshot manifest's capture time,
/// else the newest timestamp in the inputs, else the clock.
fn scan_now(opts: &Options, inventory: &Inventory) -> (Instant, NowSource) {
    let captured = inventory
        .manifests
        .iter()
        .filter_map(|m| m.captured_ns)
        .max();
    match (&opts.config.now, captured, inventory.newest_timestamp()) {
        (Some(t), _, _) => (t.clone(), NowSource::Flag),
        (None, Some(ns), _) => (Instant::from_ns(ns), NowSource::Manifest),
        (None, None, Some(ns)) => (Instant::from_ns(ns), NowSource::Snapshot),
        (None, None, None) => (
            chrono::Utc::now()
                .timestamp_nanos_opt()
                .map_or_else(|| Instant::from_ns(0), Instant::from_ns),
            NowSource::Clock,
        ),
    }
}

/// The settings policies read: the scan's time, `--max-age`, and who and
/// where is expected to report.
fn settings(
    opts: &Options,
    inventory: &Inventory,
    now: &Instant,
    now_source: NowSource,
) -> Settings {
    let (expected_accounts, expected_accounts_from) = crate::resolve::snapshot::expected_accounts(
        inventory,
        opts.config.expect_accounts.is_some(),
    );
    let (expected_regions, expected_regions_from) =
        crate::resolve::snapshot::expected_regions(inventory, &opts.config.expect_regions);
    Settings {
        expected_regions,
        expected_accounts,
        expected_regions_from,
        expected_accounts_from,
        aggregator_in_every_region: opts.config.aggregator_in_every_region,
        ..Settings::new(
            now,
            now_source,
            i64::try_from(opts.config.max_age.as_nanos()).unwrap_or(i64::MAX),
        )
    }
}

/// Reads the values of a `--parameter-file` or `--var-file`.
type ReadGiven = fn(u32, &SourceFile) -> (Vec<input::Given>, Vec<Diagnostic>);

/// Values for parameters and variables, as Terraform and CloudFormation apply them.
#[derive(Default)]
struct Given {
    parameters: Vec<input::Given>,
    variables: Vec<input::Given>,
}

/// Read `--parameter-file` and `--var-file` files (they become files of the
/// scan from id `first` on, so their values are located) and order every given
/// value as it applies: files, then flags; `TF_VAR_*` below both.
fn load_given(opts: &Options, first: usize) -> (Vec<SourceFile>, Given, Vec<Diagnostic>) {
    let g = &opts.config;
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut out = Given::default();
    let mut read = |path: &PathBuf, what: &str, parse: ReadGiven| {
        let name = opts.name_of(path);
        let text = crate::load::open::read(path, Trust::Named)
            .map_err(|e| e.to_string())
            .and_then(|b| source::decode(b).map_err(|e| e.message));
        match text {
            Ok(t) => {
                let id = (first + files.len()) as u32;
                let f = SourceFile::named(path.clone(), name, t);
                let (values, errs) = parse(id, &f);
                errors.extend(errs);
                files.push(f);
                values
            }
            Err(e) => {
                errors.push(Diagnostic::whole(
                    &name,
                    format!("cannot read the {what} file: {e}"),
                ));
                Vec::new()
            }
        }
    };
    for p in &g.parameter_files {
        out.parameters
            .extend(read(p, "--parameter-file", input::given::parameter_file));
    }
    let mut var_files = Vec::new();
    for p in &g.var_files {
        var_files.extend(read(p, "--var-file", input::given::var_file));
    }
    out.parameters
        .extend(input::given::flags(&g.parameters, &|_| {
            input::Origin::Flag("--parameter")
        }));
    out.variables = input::given::flags(&opts.env_vars, &|k| input::Origin::Env(k.to_string()));
    out.variables.extend(var_files);
    out.variables.extend(input::given::flags(&g.vars, &|_| {
        input::Origin::Flag("--var")
    }));
    (files, out, errors)
}

/// A value given on the command line for a parameter or variable that no
/// scanned template or module declares is a mistake worth saying (Terraform
/// refuses `-var` for an undeclared variable, CloudFormation an unknown parameter).
fn undeclared(given: &Given, inv: &Inventory) -> Vec<Diagnostic> {
    let declared = |kind: InputKind, name: &str| {
        inv.variables
            .iter()
            .any(|v| v.kind == kind && v.name == name)
    };
    let mut out = Vec::new();
    for g in &given.parameters {
        if !declared(InputKind::Cloudformation, &g.name) {
            let path = match &g.from {
                input::Origin::File(_, path) => path.clone(),
                other => other.to_string(),
            };
            out.push(Diagnostic::whole(
                &path,
                format!(
                    "parameter `{}` is declared by no scanned template that defines an aggregator",
                    g.name
                ),
            ));
        }
    }
    for g in given
        .variables
        .iter()
        .filter(|g| g.from == input::Origin::Flag("--var"))
    {
        if !declared(InputKind::Terraform, &g.name) {
            out.push(Diagnostic::whole(
                "--var",
                format!(
                    "variable `{}` is declared by no scanned module that defines an aggregator",
                    g.name
                ),
            ));
        }
    }
    out
}

/// `--expect-accounts FILE`: read like an input (its accounts get locations),
/// as list-accounts JSON or as a plain list of account IDs.
fn read_expected_accounts(
    path: &std::path::Path,
    name: String,
    files: &mut Vec<SourceFile>,
    inventory: &mut Inventory,
    errors: &mut Vec<Diagnostic>,
    ctx: &Ctx<'_>,
) {
    let id = files.len() as u32;
    let text = match crate::load::open::read(path, Trust::Named)
        .map_err(|e| e.to_string())
        .and_then(|b| source::decode(b).map_err(|e| e.message))
    {
        Ok(t) => t,
        Err(e) => {
            errors.push(Diagnostic::whole(
                &name,
                format!("cannot read the --expect-accounts file: {e}"),
            ));
            return;
        }
    };
    files.push(SourceFile::named(path.to_path_buf(), name.clone(), text));
    let file = &files[id as usize];
    let (mut accounts, errs) = if file.text.trim_start().starts_with(['{', '[']) {
        let parsed = input::parse_file(id, file, ctx, true);
        if parsed.kind != Some("organizations") {
            errors.push(Diagnostic::whole(
                &name,
                "the --expect-accounts file is JSON but not `aws organizations list-accounts` output",
            ));
        }
        (parsed.inventory.accounts, parsed.errors)
    } else {
        input::organizations::parse_account_list(id, file)
    };
    for a in &mut accounts {
        a.from = crate::model::Listed::Flag;
    }
    inventory.accounts.append(&mut accounts);
    errors.extend(errs);
}

/// What every finding of one policy shares.
struct PolicyStrings {
    id: Arc<str>,
    title: Arc<str>,
    remediation: Arc<str>,
    references: Arc<[String]>,
}

fn locate(
    policy: &crate::policy::Policy,
    shared: &PolicyStrings,
    file_names: &[Arc<str>],
    r: crate::policy::engine::RawFinding,
    span: Span,
    owner: crate::model::finding::Resource,
    files: &[SourceFile],
) -> Finding {
    let (file, start, end) = match files.get(span.file as usize) {
        Some(f) => {
            // The end column is inclusive of the last character.
            let (s, e) = f.line_col_span(
                span.start as usize,
                (span.end as usize).max(span.start as usize + 1) - 1,
            );
            (file_names[span.file as usize].clone(), s, e)
        }
        None => (
            Arc::from(""),
            source::LineCol { line: 0, column: 0 },
            source::LineCol { line: 0, column: 0 },
        ),
    };
    Finding {
        rule_id: shared.id.clone(),
        severity: r.severity.unwrap_or(policy.meta.custom.severity),
        title: shared.title.clone(),
        message: r.msg,
        file,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        resource: r.resource.unwrap_or(owner),
        remediation: r.remediation.unwrap_or_else(|| shared.remediation.clone()),
        references: shared.references.clone(),
        suppressed: false,
        suppression: None,
        file_id: span.file,
        span: span.start as usize..span.end as usize,
    }
}

/// A loaded file, what parsing it gave, and for Terraform files (parsed later,
/// a module at a time) whether it mentions an aggregator.
type Loaded = (SourceFile, Parsed, Option<bool>);

fn load_and_parse(
    found: &(dyn Fn() + Sync),
    id: u32,
    c: &Candidate,
    name: String,
    ctx: &Ctx<'_>,
    max_size: u64,
) -> Loaded {
    let mut parsed = Parsed::default();
    let named = |text: String| SourceFile::named(c.path.clone(), name.clone(), text);
    let empty = |_: &PathBuf| named(String::new());
    let bytes = match read_bounded(&c.path, max_size) {
        Ok(b) => b,
        Err(e) => {
            parsed.errors.push(Diagnostic::whole(
                &name,
                format!("cannot read: {}", io_reason(&e)),
            ));
            return (empty(&c.path), parsed, None);
        }
    };
    if input::is_terraform(&c.path) {
        // Kept even without a mention: it may define variables the module needs.
        let mentions = c.explicit || discover::mentions_aggregators(&bytes);
        if mentions {
            found();
        }
        return match source::decode(bytes) {
            Ok(text) => (named(text), parsed, Some(mentions)),
            Err(e) if mentions => {
                let file = named(e.lossy);
                let at = e.offset.min(file.text.len());
                parsed
                    .errors
                    .push(Diagnostic::at(&name, id, at..at + 1, e.message));
                // Not part of its module: the text is kept for the error's snippet.
                (file, parsed, None)
            }
            Err(_) => (empty(&c.path), parsed, Some(false)),
        };
    }
    let utf16 = source::is_utf16(&bytes);
    if !c.explicit && !utf16 && !discover::mentions_aggregators(&bytes) {
        return (empty(&c.path), parsed, None);
    }
    let text = match source::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            // Keep a lossy copy so the error has a line, column and snippet.
            let file = named(e.lossy);
            let at = e.offset.min(file.text.len());
            parsed
                .errors
                .push(Diagnostic::at(&name, id, at..at + 1, e.message));
            return (file, parsed, None);
        }
    };
    if !c.explicit && utf16 && !discover::mentions_aggregators(text.as_bytes()) {
        return (empty(&c.path), parsed, None);
    }
    found();
    let file = named(text);
    let parsed = input::parse_file(id, &file, ctx, c.explicit);
    (file, parsed, None)
}

/// Read a file, refusing one larger than `max` (checked while reading too, so a
/// file growing under us cannot get past the limit).
fn read_bounded(path: &std::path::Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // Checked again here: a FIFO or device put in place since the walk would block.
    let (file, meta) =
        crate::load::open::open_with_metadata(path, Trust::Named).map_err(|e| match e {
            crate::load::open::OpenError::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        })?;
    let len = meta.len();
    let too_big = |n: u64| {
        std::io::Error::other(format!(
            "it is {}, larger than --max-file-size {}",
            bytesize::ByteSize(n).display().iec(),
            bytesize::ByteSize(max).display().iec()
        ))
    };
    if len > max {
        return Err(too_big(len));
    }
    #[cfg(unix)]
    if len >= PARALLEL_READ {
        if let Some(bytes) = read_in_parts(&file, len as usize) {
            return Ok(bytes);
        }
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Files from this size on are read in parts, on every core: copying a large
/// export into memory is otherwise a serial tenth of its scan.
#[cfg(unix)]
const PARALLEL_READ: u64 = 16 * 1024 * 1024;

/// The `len` bytes of `file`, read in parts at once; `None` if the file is not
/// `len` bytes long any more (it is then read the ordinary way).
#[cfg(unix)]
fn read_in_parts(file: &std::fs::File, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    const PART: usize = 4 * 1024 * 1024;
    let mut bytes = vec![0u8; len];
    bytes
        .par_chunks_mut(PART)
        .enumerate()
        .try_for_each(|(i, part)| file.read_exact_at(part, (i * PART) as u64))
        .ok()?;
    // A file that grew while it was read is read again, whole.
    let mut more = [0u8; 1];
    match file.read_at(&mut more, len as u64) {
        Ok(0) => Some(bytes),
        _ => None,
    }
}

/// Parse Terraform a directory at a time, for directories where some `.tf` file
/// mentions an aggregator; the text of the others is let go.
fn parse_terraform(
    files: &mut [SourceFile],
    terraform: &[(u32, bool)],
    ctx: &Ctx<'_>,
) -> Vec<Parsed> {
    let mut modules: std::collections::BTreeMap<PathBuf, Vec<(u32, bool)>> = Default::default();
    for &(id, mentions) in terraform {
        let dir = files[id as usize]
            .path
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default();
        modules.entry(dir).or_default().push((id, mentions));
    }
    let (used, unused): (Vec<_>, Vec<_>) = modules
        .into_values()
        .partition(|m| m.iter().any(|(_, mentions)| *mentions));
    for (id, _) in unused.into_iter().flatten() {
        let f = &mut files[id as usize];
        *f = SourceFile::named(f.path.clone(), std::mem::take(&mut f.name), String::new());
    }
    let files = &*files;
    used.par_iter()
        .map(|module| {
            let members: Vec<(u32, &SourceFile)> = module
                .iter()
                .map(|(id, _)| (*id, &files[*id as usize]))
                .collect();
            input::terraform::parse_module(&members, ctx)
        })
        .collect()
}

/// Sources-status files do not name their aggregator: take it from the flag,
/// else from a file or folder name that matches an aggregator in the scan; then
/// fill in that aggregator's account and region for remediation commands.
fn resolve_status_context(inv: &mut Inventory, files: &[SourceFile], ctx: &Ctx<'_>) {
    let mut known: Vec<String> = inv
        .aggregators
        .iter()
        .filter_map(|a| a.name.value.clone())
        .collect();
    known.sort();
    known.dedup();
    // Same-named aggregators can live in several regions: prefer the one in the
    // region the file is known to belong to.
    let by_name = |name: &str, hint: Option<&str>| {
        let named = || {
            inv.aggregators
                .iter()
                .filter(move |a| a.name.value.as_deref() == Some(name))
        };
        named()
            .find(|a| hint.is_some() && a.region.as_deref() == hint)
            .or_else(|| named().find(|a| a.region.is_some()))
            .or_else(|| named().next())
            .map(|a| (a.account.clone(), a.region.clone()))
    };
    let mut cache: std::collections::HashMap<u32, Arc<StatusContext>> =
        std::collections::HashMap::new();
    for s in inv.source_statuses.iter_mut() {
        let file = s.span.file;
        let entry = cache.entry(file).or_insert_with(|| {
            // The display name: what the user sees, and the same wherever the files lie.
            let path = files
                .get(file as usize)
                .map(|f| std::path::Path::new(f.name.as_str()));
            let (agg, from) = match (&s.context.aggregator, path) {
                (Some(a), _) => (Some(a.clone()), s.context.aggregator_from),
                (None, Some(p)) => match aws::aggregator_in_path(p, &known) {
                    Some(a) => (Some(Arc::from(a)), Some(Learnt::Path)),
                    None => (None, None),
                },
                (None, None) => (None, None),
            };
            // A snapshot manifest names the file's region; else its path, else --region.
            let hint = s
                .context
                .region
                .as_deref()
                .map(str::to_string)
                .or_else(|| path.and_then(aws::region_in_path))
                .or_else(|| ctx.region.map(str::to_string));
            let (account, region) = agg
                .as_deref()
                .and_then(|a| by_name(a, hint.as_deref()))
                .unwrap_or((None, None));
            let region = region.or(hint);
            Arc::new(StatusContext {
                aggregator: agg,
                aggregator_from: from,
                account: account.map(Arc::from),
                region: region.map(Arc::from),
            })
        });
        s.context = entry.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_past_the_limit_are_counted_per_file() {
        let errors: Vec<Diagnostic> = (0..5)
            .map(|i| Diagnostic::whole(if i < 4 { "a.json" } else { "b.json" }, format!("e{i}")))
            .collect();
        let kept = cap_errors(errors, 2);
        let got: Vec<(&str, &str)> = kept
            .iter()
            .map(|e| (e.path.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("a.json", "e0"),
                ("a.json", "e1"),
                ("b.json", "e4"),
                (
                    "a.json",
                    "2 more errors in this file are not reported: at most 2 are (--max-errors-per-file)"
                ),
            ]
        );
    }

    #[test]
    fn display_names_by_root() {
        let opts = Options {
            names: vec![
                (PathBuf::from("."), "snap".into()),
                (PathBuf::from("/data/x"), "x".into()),
            ],
            ..Options::default()
        };
        assert_eq!(opts.display_name("a/b.json"), "snap/a/b.json");
        assert_eq!(opts.display_name("/data/x"), "x");
        assert_eq!(opts.display_name("/data/x/y/z.json"), "x/y/z.json");
        assert_eq!(opts.display_name("/data/xy/z.json"), "/data/xy/z.json");
        assert_eq!(Options::default().display_name("./a"), "./a");
    }
}

//! Report destinations: each checked before the scan, and written without ever
//! replacing what is not a regular file, nor a file the scan reads.
//!
//! A regular file (or a name not yet taken) is written beside itself and
//! renamed into place, so readers see the whole report or the old one; a
//! symbolic link is followed and its target replaced the same way, so the link
//! stays a link. Character devices, FIFOs and the process's own streams
//! (`/dev/stdout`, `/dev/fd/N`) are written straight: renaming over them
//! would put a regular file in their place.

pub mod interrupt;
pub mod progress;

use crate::config::cli::ScanArgs;
use crate::diag::{Fatal, EXIT_CLEAN};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Symbolic links followed from a destination before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// Why a report cannot be written where it was asked for.
#[derive(Debug)]
pub enum DestinationError {
    Folder,
    /// A socket, block device or other file that is not written as a report.
    Special(&'static str),
    MissingFolder(PathBuf),
    TooManyLinks,
    /// A file named on the command line or read along with one.
    Input(&'static str),
    /// A file a walk of a scanned folder reads.
    ScannedFolder(String),
    Io(std::io::Error),
}

impl fmt::Display for DestinationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DestinationError::Folder => f.write_str("is a folder: give a file name for the report"),
            DestinationError::Special(kind) => write!(
                f,
                "is a {kind}: a report goes to a regular file, a character device or a FIFO"
            ),
            DestinationError::MissingFolder(dir) => write!(
                f,
                "cannot write the report there: folder {} does not exist",
                crate::load::source::display_path(dir)
            ),
            DestinationError::TooManyLinks => {
                write!(f, "more than {MAX_LINKS} symbolic links to follow")
            }
            DestinationError::Input(what) => write!(
                f,
                "is an input of this scan ({what}): the report would replace it"
            ),
            DestinationError::ScannedFolder(root) => write!(
                f,
                "is an input of this scan (read from the scanned folder {root}): the report \
                 would replace it"
            ),
            DestinationError::Io(e) => {
                write!(
                    f,
                    "cannot write the report there: {}",
                    crate::load::open::io_reason(e)
                )
            }
        }
    }
}

impl From<std::io::Error> for DestinationError {
    fn from(e: std::io::Error) -> Self {
        DestinationError::Io(e)
    }
}

/// What the scan reads, as canonical paths, so a report can be kept off it.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Files named on the command line (inputs, policies, data, waivers, values).
    files: Vec<PathBuf>,
    /// Folders of named Terraform files: their other Terraform files are read too.
    modules: Vec<PathBuf>,
    /// Scanned folders, and how the command line names them.
    roots: Vec<(PathBuf, String)>,
    /// `--policy` folders.
    policy_roots: Vec<PathBuf>,
}

impl Inputs {
    /// Files read as they are (`aggrego diff`'s OLD and NEW): a folder is a
    /// root, so nothing under it is written over either.
    pub fn files(paths: &[PathBuf]) -> Inputs {
        let mut inputs = Inputs::default();
        for (given, p) in paths
            .iter()
            .filter_map(|g| Some((g, g.canonicalize().ok()?)))
        {
            if p.is_dir() {
                inputs
                    .roots
                    .push((p, crate::load::source::display_path(given)));
            } else {
                inputs.files.push(p);
            }
        }
        inputs
    }

    pub fn of(args: &ScanArgs) -> Inputs {
        let mut inputs = Inputs::default();
        // A path that cannot be resolved is not read either: the scan reports it.
        let canonical = |p: &PathBuf| p.canonicalize().ok();
        for (given, p) in args
            .input
            .paths
            .iter()
            .filter_map(|g| Some((g, canonical(g)?)))
        {
            if p.is_dir() {
                inputs
                    .roots
                    .push((p, crate::load::source::display_path(given)));
            } else {
                if crate::load::names::is_terraform(&p) {
                    inputs.modules.extend(p.parent().map(Path::to_path_buf));
                }
                inputs.files.push(p);
            }
        }
        for p in args.policies.policy.iter().filter_map(canonical) {
            if p.is_dir() {
                inputs.policy_roots.push(p);
            } else {
                inputs.files.push(p);
            }
        }
        let named = args
            .policies
            .data
            .iter()
            .chain(&args.input.parameter_file)
            .chain(&args.input.var_file)
            .chain(&args.input.expect_accounts)
            .chain(&args.rules.waivers)
            .chain(&args.baseline);
        inputs.files.extend(named.filter_map(canonical));
        inputs
    }

    /// Refuse a destination (canonical) the scan reads, or would read once written.
    fn check(&self, dest: &Path) -> Result<(), DestinationError> {
        if self.files.iter().any(|f| f == dest) {
            return Err(DestinationError::Input("named on the command line"));
        }
        if crate::load::names::is_terraform(dest)
            && dest
                .parent()
                .is_some_and(|d| self.modules.iter().any(|m| m == d))
        {
            return Err(DestinationError::Input(
                "a Terraform file of a named file's module",
            ));
        }
        if let Some((_, root)) = self
            .roots
            .iter()
            .find(|(r, _)| crate::load::discover::walk_reads(r, dest))
        {
            // A new report there is harmless (the next scan reads it as a JSON
            // file of no known shape), and a report of an earlier run is
            // replaced as reports are: anything else is evidence.
            if dest.exists() && !is_own_report(dest) {
                return Err(DestinationError::ScannedFolder(root.clone()));
            }
        }
        let policy_file = dest.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["rego", "json", "yaml", "yml"].contains(&e.to_ascii_lowercase().as_str())
        });
        if policy_file && self.policy_roots.iter().any(|r| dest.starts_with(r)) {
            return Err(DestinationError::Input("in a --policy folder"));
        }
        Ok(())
    }
}

/// Whether a file is a JSON report an earlier run of aggrego wrote (it begins
/// with the `tool` object naming aggrego).
fn is_own_report(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 128];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let text: String = String::from_utf8_lossy(&head[..n])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    text.starts_with(r#"{"tool":{"name":"aggrego""#)
}

/// Where a destination leads once its symbolic links are followed.
enum Resolved {
    /// A regular file, or a name not yet taken.
    File(PathBuf),
    Stdout,
    Stderr,
    /// A character device, a FIFO, or another of the process's descriptors.
    Stream(PathBuf),
}

/// The process's own streams, named as `/dev` and `/proc` name them: a link
/// to whatever descriptor 1 is (a terminal, a pipe, a file the shell opened).
fn own_stream(p: &Path) -> Option<Resolved> {
    if !cfg!(unix) {
        return None;
    }
    let s = p.to_str()?;
    match s {
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" | "/proc/thread-self/fd/1" => {
            Some(Resolved::Stdout)
        }
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" | "/proc/thread-self/fd/2" => {
            Some(Resolved::Stderr)
        }
        _ => {
            let parts: Vec<&str> = s.split('/').collect();
            let descriptor = matches!(parts.as_slice(), ["", "dev", "fd", _])
                || matches!(parts.as_slice(), ["", "proc", _, "fd", _])
                || s == "/dev/stdin";
            descriptor.then(|| Resolved::Stream(p.to_path_buf()))
        }
    }
}

fn resolve(path: &Path) -> Result<Resolved, DestinationError> {
    let mut p = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        if let Some(stream) = own_stream(&p) {
            return Ok(stream);
        }
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Resolved::File(p)),
            Err(e) => return Err(e.into()),
        };
        let ft = meta.file_type();
        if ft.is_symlink() {
            let target = std::fs::read_link(&p)?;
            // A relative target is relative to the link's folder; an absolute one replaces it.
            p = match p.parent() {
                Some(dir) => dir.join(target),
                None => target,
            };
            continue;
        }
        if ft.is_file() {
            return Ok(Resolved::File(p));
        }
        if ft.is_dir() {
            return Err(DestinationError::Folder);
        }
        return special(&p, ft);
    }
    Err(DestinationError::TooManyLinks)
}

#[cfg(unix)]
fn special(p: &Path, ft: std::fs::FileType) -> Result<Resolved, DestinationError> {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_char_device() || ft.is_fifo() {
        Ok(Resolved::Stream(p.to_path_buf()))
    } else if ft.is_socket() {
        Err(DestinationError::Special("socket"))
    } else if ft.is_block_device() {
        Err(DestinationError::Special("block device"))
    } else {
        Err(DestinationError::Special("special file"))
    }
}

#[cfg(not(unix))]
fn special(_: &Path, _: std::fs::FileType) -> Result<Resolved, DestinationError> {
    Err(DestinationError::Special("special file"))
}

/// A report destination, checked and ready to be written.
pub struct Output {
    pub display: String,
    target: Target,
}

enum Target {
    /// Written to a temporary file beside `path`, then renamed onto it.
    Replace {
        tmp: tempfile::NamedTempFile,
        path: PathBuf,
    },
    Stdout,
    Stderr,
    /// Written straight; opened when the report is written (a FIFO's open
    /// waits for its reader).
    Stream {
        path: PathBuf,
        file: Option<std::fs::File>,
    },
}

impl Output {
    /// Check a destination before the scan. `replaced` is the canonical file
    /// it will replace, if it replaces one.
    pub fn create(
        path: &Path,
        inputs: &Inputs,
    ) -> Result<(Output, Option<PathBuf>), DestinationError> {
        let display = crate::load::source::display_path(path);
        let (target, replaced) = match resolve(path)? {
            Resolved::Stdout => (Target::Stdout, None),
            Resolved::Stderr => (Target::Stderr, None),
            Resolved::Stream(path) => (Target::Stream { path, file: None }, None),
            Resolved::File(file) => {
                let canonical = canonical_destination(&file)?;
                inputs.check(&canonical)?;
                let tmp = temporary_beside(&canonical)?;
                crate::output::interrupt::pending(tmp.path(), true);
                let target = Target::Replace {
                    tmp,
                    path: canonical.clone(),
                };
                (target, Some(canonical))
            }
        };
        Ok((Output { display, target }, replaced))
    }

    /// How many bytes a file destination holds so far; `None` for a stream.
    pub fn written(&self) -> Option<u64> {
        match &self.target {
            Target::Replace { tmp, .. } => tmp.as_file().metadata().ok().map(|m| m.len()),
            _ => None,
        }
    }

    pub fn writer(&mut self) -> std::io::Result<Box<dyn Write + '_>> {
        Ok(match &mut self.target {
            Target::Replace { tmp, .. } => Box::new(tmp.as_file_mut()),
            Target::Stdout => Box::new(std::io::stdout().lock()),
            Target::Stderr => Box::new(std::io::stderr().lock()),
            Target::Stream { path, file } => {
                // Appending: a descriptor that leads to a regular file is added
                // to, never written over from its start.
                let f = match file.take() {
                    Some(f) => f,
                    None => std::fs::OpenOptions::new().append(true).open(&*path)?,
                };
                Box::new(file.insert(f))
            }
        })
    }

    /// A stream's reader may leave (`| head`, a closed FIFO): its choice, not an error.
    pub fn is_stream(&self) -> bool {
        !matches!(self.target, Target::Replace { .. })
    }

    /// Renamed into place: readers see the whole report or the old file,
    /// never part of one. (Not synced to disk: a report is made again by
    /// running the scan; evidence packages, which are kept, are synced.)
    pub fn commit(self) -> std::io::Result<()> {
        match self.target {
            Target::Replace { tmp, path } => {
                let tmp_path = tmp.path().to_path_buf();
                let result = tmp.persist(&path).map(|_| ()).map_err(|e| e.error);
                crate::output::interrupt::pending(&tmp_path, false);
                result
            }
            Target::Stdout => std::io::stdout().flush(),
            Target::Stderr => std::io::stderr().flush(),
            Target::Stream { file, .. } => file.map_or(Ok(()), |mut f| f.flush()),
        }
    }
}

/// The canonical path of a regular file, or of a name not yet taken in an
/// existing folder.
fn canonical_destination(path: &Path) -> Result<PathBuf, DestinationError> {
    if path.exists() {
        return Ok(path.canonicalize()?);
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(DestinationError::Folder);
    };
    match dir.canonicalize() {
        Ok(d) if d.is_dir() => Ok(d.join(name)),
        Ok(_) => Err(DestinationError::MissingFolder(dir.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(DestinationError::MissingFolder(dir.to_path_buf()))
        }
        Err(e) => Err(e.into()),
    }
}

fn temporary_beside(path: &Path) -> Result<tempfile::NamedTempFile, DestinationError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::output::interrupt::install_handler();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".aggrego-report-");
    // A report is an ordinary file: 0666 less the umask, not the 0600 of a temp file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    Ok(builder.tempfile_in(dir)?)
}

/// Write `s` to standard output; a reader that closes it early (`| head`) chose to.
pub fn print_stdout(s: &str) -> Result<u8, Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_CLEAN),
        Err(e) => Err(Fatal::output("<stdout>", format!("cannot write: {e}"))),
    }
}

//! Which files aggrego may open, and opening them: the one place that decides.
//!
//! A file found by convention (a folder's waivers file, a policy folder's data
//! file, a module's sibling) or listed by reference (a snapshot manifest's
//! files) comes from the scanned repository, which may be hostile: it is
//! opened only when it is a regular file whose canonical path lies inside its
//! root, so a committed symlink cannot make aggrego read (and show in a
//! snippet) `~/.aws/credentials` or `/proc/self/environ`. A file the user names
//! on the command line is the user's choice and may be a symlink anywhere, but
//! it must still be a regular file: a FIFO or a device would block or never end.

use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Who chose the file, and so what it may be.
#[derive(Debug, Clone, Copy)]
pub enum Trust<'a> {
    /// Named by the user on the command line.
    Named,
    /// Found by convention or listed by reference: only inside this root.
    Within(&'a Path, Root),
}

/// What the root of a [`Trust::Within`] is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    ScannedFolder,
    SnapshotFolder,
    PolicyFolder,
    ModuleFolder,
}

impl Root {
    fn describe(self) -> &'static str {
        match self {
            Root::ScannedFolder => "the scanned folder",
            Root::SnapshotFolder => "the snapshot folder",
            Root::PolicyFolder => "the policy folder",
            Root::ModuleFolder => "the module's folder",
        }
    }
}

/// Why a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// It resolves (through a symlink) to a place outside its root.
    Outside(Root),
    /// It exists but is a folder, FIFO, socket or device.
    NotRegular(&'static str),
    /// Cannot be found or read.
    Io(std::io::Error),
}

impl OpenError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, OpenError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Outside(root) => {
                write!(f, "symlink to outside {}, not read", root.describe())
            }
            OpenError::NotRegular(kind) => write!(f, "{kind}, not a regular file: not read"),
            OpenError::Io(e) => f.write_str(&io_reason(e)),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<std::io::Error> for OpenError {
    fn from(e: std::io::Error) -> Self {
        OpenError::Io(e)
    }
}

/// The path to open for `path` under `trust`: for [`Trust::Within`], its
/// canonical form, checked to lie inside the root; the kind of file is checked
/// too, before anything is opened.
pub fn check(path: &Path, trust: Trust<'_>) -> Result<PathBuf, OpenError> {
    let target = match trust {
        Trust::Named => path.to_path_buf(),
        Trust::Within(root, what) => {
            let root = root.canonicalize()?;
            let target = path.canonicalize()?;
            if !target.starts_with(&root) {
                return Err(OpenError::Outside(what));
            }
            target
        }
    };
    regular(&std::fs::metadata(&target)?)?;
    Ok(target)
}

/// Open `path` under `trust`. The file is opened without blocking and checked
/// again once open, so a FIFO swapped in after [`check`] still cannot block.
pub fn open(path: &Path, trust: Trust<'_>) -> Result<File, OpenError> {
    open_with_metadata(path, trust).map(|(file, _)| file)
}

/// [`open`], with the metadata of the file opened (one `fstat`, which the
/// check of what was opened needs anyway).
pub fn open_with_metadata(
    path: &Path,
    trust: Trust<'_>,
) -> Result<(File, std::fs::Metadata), OpenError> {
    // A named file is checked once opened: a `stat` before would be one more
    // call per scanned file and decide nothing the check after does not.
    let target = match trust {
        Trust::Named => path.to_path_buf(),
        Trust::Within(..) => check(path, trust)?,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading would otherwise wait for a writer;
        // for a regular file the flag changes nothing.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(&target)?;
    let meta = file.metadata()?;
    regular(&meta)?;
    Ok((file, meta))
}

/// Read all of `path` under `trust`.
pub fn read(path: &Path, trust: Trust<'_>) -> Result<Vec<u8>, OpenError> {
    use std::io::Read;
    let mut file = open(path, trust)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn regular(meta: &std::fs::Metadata) -> Result<(), OpenError> {
    if meta.is_file() {
        return Ok(());
    }
    let ft = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Err(OpenError::NotRegular("a FIFO"));
        }
        if ft.is_socket() {
            return Err(OpenError::NotRegular("a socket"));
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Err(OpenError::NotRegular("a device"));
        }
    }
    if ft.is_dir() {
        return Err(OpenError::NotRegular("a folder"));
    }
    Err(OpenError::NotRegular("not a file"))
}

/// Why a file could not be read, in words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_out_of_the_root_are_refused_named_ones_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir(&root).unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, "key").unwrap();
        std::fs::write(root.join("inside"), "ok").unwrap();
        std::os::unix::fs::symlink(&secret, root.join("out")).unwrap();
        std::os::unix::fs::symlink(root.join("inside"), root.join("in")).unwrap();
        let within = Trust::Within(&root, Root::ScannedFolder);
        assert!(matches!(
            read(&root.join("out"), within),
            Err(OpenError::Outside(Root::ScannedFolder))
        ));
        assert_eq!(read(&root.join("in"), within).unwrap(), b"ok");
        assert_eq!(read(&root.join("out"), Trust::Named).unwrap(), b"key");
        assert!(read(&root.join("none"), within).unwrap_err().is_not_found());
        assert!(matches!(
            read(&root, Trust::Named),
            Err(OpenError::NotRegular("a folder"))
        ));
    }
}

//! Writing a package atomically (a staging folder beside the destination,
//! renamed into place or zipped into a temporary file that is renamed), and
//! reading one back without trusting it.

use super::{files_under, io_fatal, manifest, safe_relative};
use crate::run::{fatal, pending, Fatal};
use crate::source::display_path;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Where a package goes: a folder, or a zip file when the name ends in `.zip`.
pub struct Target {
    path: PathBuf,
    zip: bool,
    parent: PathBuf,
}

/// A staging folder beside the destination, removed on drop and on Ctrl-C.
pub struct Stage {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl Stage {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        pending(&self.path, false);
        if let Some(d) = self.dir.take() {
            let _ = d.close();
        }
    }
}

fn is_package_dir(p: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(p) else {
        return false;
    };
    if entries.next().is_none() {
        return true;
    }
    std::fs::read(p.join(manifest::FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .is_some_and(|v| v["format"].as_str() == Some(manifest::FORMAT))
}

impl Target {
    /// Check the destination before anything is scanned: an existing package is
    /// replaced only with `--force`, and never anything that is not a package.
    pub fn new(path: &Path, force: bool) -> Result<Target, Fatal> {
        let shown = display_path(path);
        let zip = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(fatal(&shown, "its folder does not exist".into()));
        }
        if let Ok(meta) = std::fs::symlink_metadata(path) {
            let replaceable = if zip {
                meta.is_file()
                    && std::fs::File::open(path)
                        .and_then(|mut f| {
                            let mut magic = [0u8; 4];
                            let n = f.read(&mut magic)?;
                            Ok(n == 0 || magic.starts_with(b"PK"))
                        })
                        .unwrap_or(false)
            } else {
                meta.is_dir() && is_package_dir(path)
            };
            let empty_dir = !zip
                && meta.is_dir()
                && std::fs::read_dir(path).is_ok_and(|mut e| e.next().is_none());
            if !replaceable {
                return Err(fatal(
                    &shown,
                    "exists and is not an evidence package: it is not replaced".into(),
                ));
            }
            if !force && !empty_dir {
                return Err(fatal(
                    &shown,
                    "an evidence package is already there: give --force to replace it".into(),
                ));
            }
        }
        Ok(Target {
            path: path.to_path_buf(),
            zip,
            parent,
        })
    }

    pub fn stage(&self) -> Result<Stage, Fatal> {
        let mut b = tempfile::Builder::new();
        b.prefix(".aggrego-evidence-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // An ordinary folder once renamed into place: 0777 less the umask.
            b.permissions(std::fs::Permissions::from_mode(0o777));
        }
        let dir = b
            .tempdir_in(&self.parent)
            .map_err(|e| io_fatal(&self.path, e))?;
        let path = dir.path().to_path_buf();
        pending(&path, true);
        Ok(Stage {
            dir: Some(dir),
            path,
        })
    }

    /// Put the staged package in place.
    pub fn commit(&self, mut stage: Stage) -> Result<(), Fatal> {
        if self.zip {
            let mut b = tempfile::Builder::new();
            b.prefix(".aggrego-evidence-").suffix(".zip");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                b.permissions(std::fs::Permissions::from_mode(0o666));
            }
            let mut tmp = b
                .tempfile_in(&self.parent)
                .map_err(|e| io_fatal(&self.path, e))?;
            pending(tmp.path(), true);
            let tmp_path = tmp.path().to_path_buf();
            let written = write_zip(stage.path(), tmp.as_file_mut())
                .and_then(|_| tmp.as_file().sync_all())
                .and_then(|_| tmp.persist(&self.path).map(|_| ()).map_err(|e| e.error));
            pending(&tmp_path, false);
            return written.map_err(|e| io_fatal(&self.path, e));
        }
        // A folder: the old one is moved aside first, then removed.
        let old = if self.path.exists() {
            let aside = self.parent.join(format!(
                ".aggrego-evidence-old-{}",
                stage
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ));
            pending(&aside, true);
            std::fs::rename(&self.path, &aside).map_err(|e| io_fatal(&self.path, e))?;
            Some(aside)
        } else {
            None
        };
        let dir = stage.dir.take().map(|d| d.keep());
        let from = dir.unwrap_or_else(|| stage.path().to_path_buf());
        let moved = std::fs::rename(&from, &self.path);
        if let Some(aside) = &old {
            match &moved {
                Ok(()) => {
                    let _ = std::fs::remove_dir_all(aside);
                }
                Err(_) => {
                    let _ = std::fs::rename(aside, &self.path);
                }
            }
            pending(aside, false);
        }
        if moved.is_err() {
            let _ = std::fs::remove_dir_all(&from);
        }
        pending(&from, false);
        moved.map_err(|e| io_fatal(&self.path, e))
    }
}

/// The staged folder as a zip: entries sorted, fixed time (1980-01-01) and
/// permissions (0644), deflate at a fixed level, so the same files give the
/// same bytes.
fn write_zip(dir: &Path, file: &mut std::fs::File) -> std::io::Result<()> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let mut buf = vec![0u8; 1 << 16];
    for name in files_under(dir)? {
        let path = dir.join(&name);
        let size = std::fs::metadata(&path)?.len();
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644)
            .large_file(size >= u32::MAX as u64);
        zip.start_file(name.as_str(), options)
            .map_err(std::io::Error::other)?;
        let mut src = std::fs::File::open(&path)?;
        loop {
            let n = src.read(&mut buf)?;
            if n == 0 {
                break;
            }
            zip.write_all(&buf[..n])?;
        }
    }
    let mut w = zip.finish().map_err(std::io::Error::other)?;
    w.flush()
}

/// The largest manifest.json read.
pub const MAX_MANIFEST: u64 = 64 * 1024 * 1024;
/// How much of a file the manifest does not list is read (to hash it).
pub const MAX_UNLISTED: u64 = 64 * 1024 * 1024;

/// One file as found in a package.
#[derive(Debug, Clone)]
pub struct Found {
    pub size: u64,
    pub sha256: String,
    /// Read only up to the limit: `size` is a lower bound and the hash is not
    /// the file's.
    pub truncated: bool,
    /// The bytes, when asked for.
    pub bytes: Option<Vec<u8>>,
}

/// A problem with one entry of the package (reported as a difference), as
/// opposed to a package that cannot be read at all (an error).
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

/// What to do with each entry while reading it.
pub enum Use {
    /// Hash it.
    Hash,
    /// Hash it and keep its bytes.
    Keep,
    /// Hash it and write it to this file.
    Write(PathBuf),
}

pub enum Reader {
    Dir(PathBuf),
    Zip(Box<zip::ZipArchive<std::fs::File>>),
}

impl Reader {
    pub fn open(path: &Path) -> Result<Reader, Fatal> {
        let shown = display_path(path);
        let meta = std::fs::metadata(path).map_err(|e| {
            fatal(
                &shown,
                format!("cannot read: {}", crate::discover::io_reason(&e)),
            )
        })?;
        if meta.is_dir() {
            return Ok(Reader::Dir(path.to_path_buf()));
        }
        let file = std::fs::File::open(path).map_err(|e| {
            fatal(
                &shown,
                format!("cannot read: {}", crate::discover::io_reason(&e)),
            )
        })?;
        let zip = zip::ZipArchive::new(file).map_err(|e| {
            fatal(
                &shown,
                format!("not an evidence package: neither a folder nor a readable zip file ({e})"),
            )
        })?;
        Ok(Reader::Zip(Box::new(zip)))
    }

    /// Every file's path and kind; a zip with an unsafe or duplicate name, a
    /// link or an encrypted entry is refused as a whole.
    pub fn list(&mut self, shown: &str) -> Result<(Vec<String>, Vec<Unreadable>), Fatal> {
        let mut files = Vec::new();
        let mut odd = Vec::new();
        match self {
            Reader::Dir(root) => {
                for e in walkdir::WalkDir::new(&*root)
                    .min_depth(1)
                    .follow_links(false)
                {
                    let e = match e {
                        Ok(e) => e,
                        Err(err) => {
                            let path = err
                                .path()
                                .and_then(|p| p.strip_prefix(&*root).ok())
                                .map(display_path)
                                .unwrap_or_default();
                            odd.push(Unreadable {
                                path,
                                reason: format!("cannot be read: {err}"),
                            });
                            continue;
                        }
                    };
                    let rel = e
                        .path()
                        .strip_prefix(&*root)
                        .map(display_path)
                        .unwrap_or_default();
                    let ft = e.file_type();
                    if ft.is_dir() {
                        continue;
                    }
                    if e.path()
                        .strip_prefix(&*root)
                        .ok()
                        .and_then(|p| p.to_str())
                        .is_none()
                    {
                        odd.push(Unreadable {
                            path: rel,
                            reason: "its name is not UTF-8".into(),
                        });
                    } else if ft.is_symlink() {
                        odd.push(Unreadable {
                            path: rel,
                            reason: "is a symbolic link, not a file".into(),
                        });
                    } else if !ft.is_file() {
                        odd.push(Unreadable {
                            path: rel,
                            reason: "is not a regular file".into(),
                        });
                    } else {
                        files.push(rel);
                    }
                }
            }
            Reader::Zip(zip) => {
                let mut seen = std::collections::BTreeSet::new();
                for i in 0..zip.len() {
                    let entry = zip.by_index_raw(i).map_err(|e| {
                        fatal(shown, format!("not a readable zip file: entry {i}: {e}"))
                    })?;
                    let name = entry.name().to_string();
                    if entry.is_dir() {
                        continue;
                    }
                    let bad = |why: &str| {
                        fatal(
                            shown,
                            format!(
                                "not an evidence package: zip entry `{}` {why}",
                                name.escape_debug()
                            ),
                        )
                    };
                    if !safe_relative(&name) || entry.enclosed_name().is_none() {
                        return Err(bad("would be written outside the package"));
                    }
                    if entry.is_symlink() {
                        return Err(bad("is a symbolic link"));
                    }
                    if entry.encrypted() {
                        return Err(bad("is encrypted"));
                    }
                    if !seen.insert(name.clone()) {
                        return Err(bad("appears twice"));
                    }
                    files.push(name);
                }
            }
        }
        files.sort();
        Ok((files, odd))
    }

    /// Read one file, at most `limit` bytes.
    pub fn read(&mut self, path: &str, limit: u64, what: Use) -> Result<Found, Unreadable> {
        let unreadable = |reason: String| Unreadable {
            path: path.to_string(),
            reason,
        };
        let mut source: Box<dyn Read + '_> = match self {
            Reader::Dir(root) => Box::new(
                std::fs::File::open(root.join(path))
                    .map_err(|e| unreadable(format!("cannot be read: {e}")))?,
            ),
            Reader::Zip(zip) => Box::new(
                zip.by_name(path)
                    .map_err(|e| unreadable(format!("cannot be read from the zip file: {e}")))?,
            ),
        };
        let mut sink: Option<Box<dyn Write>> = match &what {
            Use::Write(p) => {
                if let Some(parent) = p.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| unreadable(format!("cannot be copied out: {e}")))?;
                }
                Some(Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .map_err(|e| unreadable(format!("cannot be copied out: {e}")))?,
                )))
            }
            _ => None,
        };
        let mut kept = matches!(what, Use::Keep).then(Vec::new);
        let mut h = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 1 << 16];
        let mut truncated = false;
        // One byte past the limit tells "longer than allowed" from "exactly".
        let cap = limit.saturating_add(1);
        loop {
            if size >= cap {
                truncated = true;
                break;
            }
            let room = (cap - size).min(buf.len() as u64) as usize;
            let n = source
                .read(&mut buf[..room])
                .map_err(|e| unreadable(format!("cannot be read: {e}")))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            h.update(&buf[..n]);
            if let Some(s) = &mut sink {
                s.write_all(&buf[..n])
                    .map_err(|e| unreadable(format!("cannot be copied out: {e}")))?;
            }
            if let Some(k) = &mut kept {
                k.extend_from_slice(&buf[..n]);
            }
        }
        if let Some(mut s) = sink {
            s.flush()
                .map_err(|e| unreadable(format!("cannot be copied out: {e}")))?;
        }
        Ok(Found {
            size,
            sha256: format!("{:x}", h.finalize()),
            truncated,
            bytes: kept,
        })
    }
}

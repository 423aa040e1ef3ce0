//! Writing a package atomically (a staging folder beside the destination,
//! renamed into place or zipped into a temporary file that is renamed), and
//! reading one back without trusting it.

use super::{files_under, io_fatal, manifest, safe_relative};
use crate::diag::Fatal;
use crate::load::source::display_path;
use crate::output::interrupt::pending;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Where a package goes: a folder, or a zip file when the name ends in `.zip`.
pub(super) struct Target {
    path: PathBuf,
    zip: bool,
    parent: PathBuf,
}

/// A staging folder beside the destination, removed on drop and on Ctrl-C.
pub(super) struct Stage {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl Stage {
    pub(super) fn path(&self) -> &Path {
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

/// An evidence package, or nothing: an empty folder or file, or one whose
/// manifest.json is an evidence manifest listing every other file it holds.
/// Anything else is not replaced, even with `--force`.
fn replaceable(p: &Path, zip: bool) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(p) else {
        return false;
    };
    let manifest_lists = |bytes: &[u8], others: &[String]| {
        serde_json::from_slice::<manifest::Manifest>(bytes).is_ok_and(|m| {
            m.format == manifest::FORMAT
                && others
                    .iter()
                    .filter(|o| o.as_str() != manifest::FILE && o.as_str() != super::sign::SIG_FILE)
                    .all(|o| m.files.iter().any(|f| &f.path == o))
        })
    };
    if zip {
        if !meta.is_file() {
            return false;
        }
        if meta.len() == 0 {
            return true;
        }
        let Ok(file) = std::fs::File::open(p) else {
            return false;
        };
        let Ok(mut archive) = zip::ZipArchive::new(file) else {
            return false;
        };
        let names: Vec<String> = archive
            .file_names()
            .filter(|n| !n.ends_with('/'))
            .map(String::from)
            .collect();
        let mut bytes = Vec::new();
        let read = archive
            .by_name(manifest::FILE)
            .map_err(std::io::Error::other)
            .and_then(|f| f.take(MAX_MANIFEST).read_to_end(&mut bytes));
        return read.is_ok() && manifest_lists(&bytes, &names);
    }
    if !meta.is_dir() {
        return false;
    }
    let Ok(names) = files_under(p) else {
        return false;
    };
    if names.is_empty() && std::fs::read_dir(p).is_ok_and(|mut e| e.next().is_none()) {
        return true;
    }
    std::fs::File::open(p.join(manifest::FILE))
        .and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_MANIFEST).read_to_end(&mut bytes).map(|_| bytes)
        })
        .is_ok_and(|b| manifest_lists(&b, &names))
}

impl Target {
    /// Check the destination before anything is scanned: an existing package is
    /// replaced only with `--force`, and never anything that is not a package.
    pub(super) fn new(path: &Path, force: bool) -> Result<Target, Fatal> {
        let shown = display_path(path);
        let zip = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(Fatal::output(&shown, "its folder does not exist".into()));
        }
        if let Ok(meta) = std::fs::symlink_metadata(path) {
            let empty_dir = !zip
                && meta.is_dir()
                && std::fs::read_dir(path).is_ok_and(|mut e| e.next().is_none());
            if !replaceable(path, zip) {
                return Err(Fatal::output(
                    &shown,
                    "exists and is not an evidence package: it is not replaced".into(),
                ));
            }
            if !force && !empty_dir {
                return Err(Fatal::output(
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

    pub(super) fn stage(&self) -> Result<Stage, Fatal> {
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
    pub(super) fn commit(&self, mut stage: Stage) -> Result<(), Fatal> {
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
pub(super) const MAX_MANIFEST: u64 = 64 * 1024 * 1024;
/// How much of a file the manifest does not list is read (to hash it).
pub(super) const MAX_UNLISTED: u64 = 64 * 1024 * 1024;

/// What `evidence verify` reads of a package at most, whatever its manifest
/// says: a package cannot raise these.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Bytes read (inflated) from the whole package.
    pub max_size: u64,
    /// Entries of a zip file, files of a folder.
    pub max_files: usize,
}

/// One file as found in a package.
#[derive(Debug, Clone)]
pub(super) struct Found {
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
pub(super) struct Unreadable {
    pub path: String,
    pub reason: String,
}

/// Why an entry was not read.
#[derive(Debug, Clone)]
pub(super) enum ReadError {
    /// This entry only: a difference.
    Entry(Unreadable),
    /// The package holds more than [`Limits::max_size`]: nothing can be concluded.
    TooLarge,
}

/// What to do with each entry while reading it.
pub(super) enum Use {
    /// Hash it.
    Hash,
    /// Hash it and keep its bytes.
    Keep,
    /// Hash it and write it to this file.
    Write(PathBuf),
}

/// Each entry's local header says what its central directory record says
/// (version, flags, method, time, CRC, sizes, name length): the zip crate reads
/// the central directory only, so a changed local header would otherwise be
/// accepted although the package's bytes are not the ones it was made with.
fn local_headers_agree(
    file: &mut std::fs::File,
    zip: &mut zip::ZipArchive<std::fs::File>,
) -> Result<(), String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut read_at = |at: u64, buf: &mut [u8]| {
        file.seek(SeekFrom::Start(at))
            .and_then(|_| file.read_exact(buf))
            .map_err(|e| format!("cannot read the zip file at byte {at}: {e}"))
    };
    for i in 0..zip.len() {
        let (local_at, central_at, name) = {
            let e = zip
                .by_index_raw(i)
                .map_err(|e| format!("not a readable zip file: entry {i}: {e}"))?;
            (
                e.header_start(),
                e.central_header_start(),
                e.name().to_string(),
            )
        };
        let mut local = [0u8; 30];
        let mut central = [0u8; 46];
        read_at(local_at, &mut local)?;
        read_at(central_at, &mut central)?;
        // With a data descriptor (flag bit 3) the CRC and sizes follow the data.
        let described = central[8] & 0x08 != 0;
        let fixed = if described { 10 } else { 22 };
        let agree = local[..4] == [0x50, 0x4b, 0x03, 0x04]
            && local[4..4 + fixed] == central[6..6 + fixed]
            && local[26..28] == central[28..30];
        if !agree {
            return Err(format!(
                "zip entry `{}`: its local header differs from the central directory",
                name.escape_debug()
            ));
        }
    }
    Ok(())
}

enum Source {
    Dir(PathBuf),
    Zip(Box<zip::ZipArchive<std::fs::File>>),
}

/// A package being read: a folder or a zip file, with what is left of the
/// size budget.
pub(super) struct Reader {
    source: Source,
    limits: Limits,
    left: u64,
}

fn unreadable_file(shown: &str, e: &std::io::Error) -> Fatal {
    Fatal::file(
        shown,
        format!("cannot read: {}", crate::load::open::io_reason(e)),
    )
}

impl Reader {
    pub(super) fn open(path: &Path, limits: Limits) -> Result<Reader, Fatal> {
        let shown = display_path(path);
        let meta = std::fs::metadata(path).map_err(|e| unreadable_file(&shown, &e))?;
        let source = if meta.is_dir() {
            Source::Dir(path.to_path_buf())
        } else {
            let mut file = std::fs::File::open(path).map_err(|e| unreadable_file(&shown, &e))?;
            // The zip crate keeps one entry per name: duplicates (and the entry
            // count) are checked on the central directory itself first.
            let names = central_names(&mut file, limits.max_files).map_err(|why| {
                Fatal::file(
                    &shown,
                    format!("not an evidence package: not a readable zip file ({why})"),
                )
            })?;
            let mut seen = std::collections::BTreeSet::new();
            for name in &names {
                if !seen.insert(name.as_slice()) {
                    return Err(Fatal::file(
                        &shown,
                        format!(
                            "not an evidence package: zip entry `{}` appears twice",
                            String::from_utf8_lossy(name).escape_debug()
                        ),
                    ));
                }
            }
            let mut headers = file.try_clone().map_err(|e| unreadable_file(&shown, &e))?;
            let mut zip = zip::ZipArchive::new(file).map_err(|e| {
                Fatal::file(
                    &shown,
                    format!(
                        "not an evidence package: neither a folder nor a readable zip file ({e})"
                    ),
                )
            })?;
            if zip.len() != names.len() {
                return Err(Fatal::file(
                    &shown,
                    format!(
                        "not an evidence package: its central directory has {} entries, of which {} can be read",
                        names.len(),
                        zip.len()
                    ),
                ));
            }
            local_headers_agree(&mut headers, &mut zip)
                .map_err(|why| Fatal::file(&shown, format!("not an evidence package: {why}")))?;
            Source::Zip(Box::new(zip))
        };
        Ok(Reader {
            source,
            limits,
            left: limits.max_size,
        })
    }

    /// Every file's path and kind; a zip with an unsafe or duplicate name, a
    /// link or an encrypted entry is refused as a whole.
    pub(super) fn list(&mut self, shown: &str) -> Result<(Vec<String>, Vec<Unreadable>), Fatal> {
        let mut files = Vec::new();
        let mut odd = Vec::new();
        let max_files = self.limits.max_files;
        let too_many = || {
            Fatal::file(
                shown,
                format!(
                    "the package has more than {max_files} files (--max-package-files): not verified"
                ),
            )
        };
        match &mut self.source {
            Source::Dir(root) => {
                let mut count = 0usize;
                for e in walkdir::WalkDir::new(&*root)
                    .min_depth(1)
                    .follow_links(false)
                {
                    count += 1;
                    if count > max_files {
                        return Err(too_many());
                    }
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
                    } else if !safe_relative(&rel) {
                        odd.push(Unreadable {
                            path: rel,
                            reason: "its name has a backslash or a control character".into(),
                        });
                    } else {
                        files.push(rel);
                    }
                }
            }
            Source::Zip(zip) => {
                if zip.len() > max_files {
                    return Err(too_many());
                }
                let mut seen = std::collections::BTreeSet::new();
                for i in 0..zip.len() {
                    let entry = zip.by_index_raw(i).map_err(|e| {
                        Fatal::file(shown, format!("not a readable zip file: entry {i}: {e}"))
                    })?;
                    let name = entry.name().to_string();
                    if entry.is_dir() {
                        continue;
                    }
                    let bad = |why: &str| {
                        Fatal::file(
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

    /// Read one file, at most `limit` bytes, and never more than what is left
    /// of the package's size budget.
    pub(super) fn read(&mut self, path: &str, limit: u64, what: Use) -> Result<Found, ReadError> {
        let unreadable = |reason: String| {
            ReadError::Entry(Unreadable {
                path: path.to_string(),
                reason,
            })
        };
        let left = self.left;
        let mut source: Box<dyn Read + '_> = match &mut self.source {
            Source::Dir(root) => Box::new(
                std::fs::File::open(root.join(path))
                    .map_err(|e| unreadable(format!("cannot be read: {e}")))?,
            ),
            Source::Zip(zip) => Box::new(
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
            if size > left {
                return Err(ReadError::TooLarge);
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
        if size > left {
            return Err(ReadError::TooLarge);
        }
        self.left -= size;
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

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?).into())
}

fn u32_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?).into())
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

fn read_at(file: &mut std::fs::File, at: u64, len: usize) -> Result<Vec<u8>, String> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(at))
        .map_err(|e| e.to_string())?;
    let mut b = vec![0u8; len];
    file.read_exact(&mut b).map_err(|e| e.to_string())?;
    Ok(b)
}

/// The entry names of a zip file's central directory, as stored, in order.
/// Read here rather than through the zip crate, which keeps one entry per
/// name: a second entry of the same name would be what `unzip` extracts and
/// not what was verified. At most `max_entries` are read.
fn central_names(file: &mut std::fs::File, max_entries: usize) -> Result<Vec<Vec<u8>>, String> {
    const EOCD: &[u8] = b"PK\x05\x06";
    const LOCATOR: &[u8] = b"PK\x06\x07";
    const EOCD64: &[u8] = b"PK\x06\x06";
    const HEADER: &[u8] = b"PK\x01\x02";
    let no_directory = || "no central directory".to_string();
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    // The end record (22 bytes) and a comment of at most 65,535 bytes.
    let tail_len = len.min(22 + 65_535);
    let tail = read_at(file, len - tail_len, tail_len as usize)?;
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(EOCD))
        .ok_or_else(no_directory)?;
    let end = &tail[at..];
    let (mut count, mut size, mut offset) = (
        u16_at(end, 10).ok_or_else(no_directory)?,
        u32_at(end, 12).ok_or_else(no_directory)?,
        u32_at(end, 16).ok_or_else(no_directory)?,
    );
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        let end_at = len - tail_len + at as u64;
        let locator = read_at(file, end_at.checked_sub(20).ok_or_else(no_directory)?, 20)?;
        if !locator.starts_with(LOCATOR) {
            return Err("no zip64 end of central directory locator".into());
        }
        let record = read_at(file, u64_at(&locator, 8).ok_or_else(no_directory)?, 56)?;
        if !record.starts_with(EOCD64) {
            return Err("no zip64 end of central directory".into());
        }
        count = u64_at(&record, 32).ok_or_else(no_directory)?;
        size = u64_at(&record, 40).ok_or_else(no_directory)?;
        offset = u64_at(&record, 48).ok_or_else(no_directory)?;
    }
    if count > max_entries as u64 {
        return Err(format!(
            "{count} entries, more than {max_entries} (--max-package-files)"
        ));
    }
    if offset.checked_add(size).is_none_or(|e| e > len) {
        return Err("the central directory lies outside the file".into());
    }
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(offset))
        .map_err(|e| e.to_string())?;
    let mut r = std::io::BufReader::new(file.take(size));
    let mut names = Vec::new();
    for i in 0..count {
        let mut head = [0u8; 46];
        r.read_exact(&mut head)
            .map_err(|_| format!("central directory entry {i} is cut short"))?;
        if !head.starts_with(HEADER) {
            return Err(format!("central directory entry {i} is not one"));
        }
        let name_len = u16_at(&head, 28).unwrap_or(0) as usize;
        let skip = u16_at(&head, 30).unwrap_or(0) + u16_at(&head, 32).unwrap_or(0);
        let mut name = vec![0u8; name_len];
        r.read_exact(&mut name)
            .map_err(|_| format!("central directory entry {i} is cut short"))?;
        std::io::copy(&mut (&mut r).take(skip), &mut std::io::sink()).map_err(|e| e.to_string())?;
        names.push(name);
    }
    Ok(names)
}

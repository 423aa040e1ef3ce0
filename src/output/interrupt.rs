//! Interrupts: SIGINT, SIGTERM and SIGHUP remove the temporary files and
//! folders not yet in place, then end the run with 128 + the signal's number.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files and folders not yet renamed into place.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Exit code after Ctrl-C, as shells expect (128 + SIGINT); other signals
/// give 128 + their own number (143 for SIGTERM, 129 for SIGHUP).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Installed before the first temporary file or folder is made (its thread is
/// a cost a run that writes only to standard output need not pay; such a run
/// is simply ended by the signal, with nothing to remove).
pub fn install_handler() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(set_handler);
}

#[cfg(unix)]
fn set_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // If the handler cannot be installed, the signals keep their default
    // action: the run ends as it would have, temporaries left behind.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                clean_up_and_exit(128 + signal);
            }
        });
    drop(spawned);
}

#[cfg(not(unix))]
fn set_handler() {
    let _ = ctrlc::set_handler(|| clean_up_and_exit(EXIT_INTERRUPTED));
}

fn clean_up_and_exit(code: i32) -> ! {
    // The lock is held until the process ends, so nothing is added meanwhile.
    let list = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    for p in list.iter() {
        remove_temporary(p);
    }
    eprintln!("aggrego: interrupted; no report was written");
    std::process::exit(code);
}

/// Remove a temporary file or folder. Another thread may still be writing into
/// a folder, so removal is tried again a few times.
fn remove_temporary(p: &Path) {
    for _ in 0..5 {
        let gone = match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(p).is_ok(),
            Ok(_) => std::fs::remove_file(p).is_ok(),
            Err(_) => true,
        };
        if gone {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A temporary file or folder that an interrupt must remove (`add`), or that
/// is now in place or gone (`!add`).
pub fn pending(path: &Path, add: bool) {
    if add {
        install_handler();
    }
    let mut list = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    if add {
        list.push(path.to_path_buf());
    } else {
        list.retain(|p| p != path);
    }
}

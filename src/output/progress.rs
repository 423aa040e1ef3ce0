//! A progress bar on standard error: only on a terminal, and only once a scan
//! has taken long enough for silence to be confusing.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long a scan runs silently before the bar appears.
const DELAY: Duration = Duration::from_millis(700);

pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    pub fn new(wanted: bool, files: u64) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(files), ProgressDrawTarget::hidden());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} files")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message("reading");
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    pub fn set_length(&self, files: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(files);
        }
    }

    fn reveal(&self, bar: &ProgressBar) {
        if bar.is_hidden() && self.start.elapsed() >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            self.reveal(bar);
        }
    }

    pub fn stage(&self, what: &'static str) {
        if let Some(bar) = &self.bar {
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                bar.set_style(style);
            }
            bar.set_message(what);
            self.reveal(bar);
            if bar.is_hidden() {
                // The stage may be long: show it from the delay on.
                let delay = DELAY.saturating_sub(self.start.elapsed());
                let b = bar.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(delay);
                    if !b.is_finished() && b.is_hidden() {
                        b.set_draw_target(ProgressDrawTarget::stderr());
                        b.enable_steady_tick(Duration::from_millis(120));
                    }
                });
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

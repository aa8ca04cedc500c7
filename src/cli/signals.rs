//! Interruptions: on SIGINT (Ctrl-C), SIGTERM and SIGHUP the run removes the temporary file
//! of its output (see [`super::sink`]) and exits with the conventional status, 128 plus the
//! signal's number (130, 143, 129). The signals are received by a thread of their own
//! (`signal-hook`'s iterator), so that removing the file happens outside a signal handler.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::path::PathBuf;
use std::sync::Mutex;

/// The temporary file to remove when the run is interrupted.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Sets (or clears, with `None`) the file an interruption removes.
pub(crate) fn remove_on_signal(path: Option<PathBuf>) {
    if let Ok(mut p) = PENDING.lock() {
        *p = path;
    }
}

/// Runs `commit` (the rename of the finished output) while no interruption can remove the
/// file: an interruption that came first removes it and exits before `commit` runs; one that
/// comes during it waits, and the output is whole.
pub(crate) fn committing<T>(commit: impl FnOnce() -> T) -> T {
    let mut pending = PENDING.lock();
    let out = commit();
    if let Ok(p) = &mut pending {
        **p = None;
    }
    out
}

/// Starts listening; a failure to listen leaves the default behaviour (the process ends).
pub(crate) fn install() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Hold the lock until exit, so that no commit renames the file meanwhile.
            let pending = PENDING.lock();
            if let Ok(p) = &pending {
                if let Some(path) = p.as_ref() {
                    let _ = std::fs::remove_file(path);
                }
            }
            std::process::exit(128 + sig);
        }
    });
}

//! What the `charter` commands print. A reader that goes away early
//! (`charter check | head -5`) is no error: the rest of the output is
//! dropped and the command ends with its own exit status, where
//! `println!` would panic. Any other failure to write standard output (a
//! full disk under `charter import > charter.toml`) is remembered, so
//! that [`finish`] can turn it into exit status 2.

use std::fmt;
use std::io::{self, Write as _};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

static OUT_CLOSED: AtomicBool = AtomicBool::new(false);
static ERR_CLOSED: AtomicBool = AtomicBool::new(false);
static OUT_FAILED: Mutex<Option<String>> = Mutex::new(None);

/// Writes `args` to standard output (see the module's documentation).
pub fn out(args: fmt::Arguments<'_>) {
    if OUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if let Err(e) = io::stdout().lock().write_fmt(args) {
        OUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != io::ErrorKind::BrokenPipe {
            let mut failed = OUT_FAILED.lock().unwrap_or_else(|e| e.into_inner());
            failed.get_or_insert(e.to_string());
        }
    }
}

/// Writes `args` to standard error; a closed or failing standard error
/// has nowhere left to be reported, so it only ends the messages.
pub fn err(args: fmt::Arguments<'_>) {
    if ERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if io::stderr().lock().write_fmt(args).is_err() {
        ERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// `code`, or 2 when standard output could not be written (for a reason
/// other than its reader going away).
pub fn finish(code: ExitCode) -> ExitCode {
    if !OUT_CLOSED.load(Ordering::Relaxed)
        && let Err(e) = io::stdout().lock().flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let mut failed = OUT_FAILED.lock().unwrap_or_else(|e| e.into_inner());
        failed.get_or_insert(e.to_string());
    }
    let failed = OUT_FAILED.lock().unwrap_or_else(|e| e.into_inner()).take();
    match failed {
        Some(e) => {
            err(format_args!("cannot write the output: {e}\n"));
            ExitCode::from(2)
        }
        None => code,
    }
}

/// `println!` to standard output through [`out`].
#[macro_export]
#[doc(hidden)]
macro_rules! outln {
    () => { $crate::output::out(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::output::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to standard output through [`out`].
#[macro_export]
#[doc(hidden)]
macro_rules! outp {
    ($($arg:tt)*) => { $crate::output::out(format_args!($($arg)*)) };
}

/// `eprintln!` through [`err`].
#[macro_export]
#[doc(hidden)]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::output::err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` through [`err`].
#[macro_export]
#[doc(hidden)]
macro_rules! errp {
    ($($arg:tt)*) => { $crate::output::err(format_args!($($arg)*)) };
}

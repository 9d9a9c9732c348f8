//! The priority of the threads that do background or CPU-heavy work.

/// Lets the calling thread run only when request handling leaves a core
/// free (Linux: nice 10 for this thread alone).
pub fn lower() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; on Linux, `who` 0 with
    // PRIO_PROCESS is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

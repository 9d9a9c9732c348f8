//! What the memory-measuring examples share (each example is a crate of
//! its own, which takes this file in with `#[path]`).

/// A line of /proc/self/status (`"VmRSS:"`, `"VmHWM:"`), in KiB; 0 where
/// there is none (Linux only).
pub fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(field));
    line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

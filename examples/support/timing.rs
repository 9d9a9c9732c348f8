//! What the search-timing examples share (each example is a crate of its
//! own, which takes this file in with `#[path]`).

use std::time::{Duration, Instant};

use citizen_charter::site::search::MAX_QUERY_CHARS;

/// The CPU time this thread has used (Linux), or the time since `start`.
pub fn now(start: Instant) -> Duration {
    #[cfg(target_os = "linux")]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to fill.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
        }
    }
    start.elapsed()
}

/// `words` repeated, one space apart, cut to `MAX_QUERY_CHARS` characters.
pub fn query_of_length(words: &[String]) -> String {
    let mut query = String::new();
    for word in words.iter().cycle() {
        if query.chars().count() >= MAX_QUERY_CHARS {
            break;
        }
        query.push_str(word);
        query.push(' ');
    }
    query.chars().take(MAX_QUERY_CHARS).collect()
}

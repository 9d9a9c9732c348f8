//! The request-head guard on arbitrary bytes, arriving in pieces of any
//! size: the verdict does not depend on how the bytes arrive, and what it
//! passes on to hyper (a head as it came, or one announcing a body with
//! `Connection: close` in place of its own) is always one whole request
//! head.
#![no_main]

use citizen_charter::server::guard::head::{Next, Scan};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 4096;
const LINE: usize = 1024;

fn verdict(bytes: &[u8], step: usize) -> Next {
    let mut scan = Scan::default();
    let mut end = 0;
    loop {
        end = (end + step).min(bytes.len());
        match scan.next(&bytes[..end], LIMIT, LINE) {
            Next::More if end < bytes.len() => {}
            next => return next,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&step, bytes)) = data.split_first() else {
        return;
    };
    let whole = verdict(bytes, bytes.len().max(1));
    let pieces = verdict(bytes, usize::from(step).max(1));
    assert_eq!(whole, pieces, "the verdict changed with pieces of {step}");
    let passed = match &whole {
        Next::Pass(n) => bytes[..*n].to_vec(),
        Next::PassLast { head, .. } => head.clone(),
        Next::Refuse(_) | Next::More => return,
    };
    let mut headers = [httparse::EMPTY_HEADER; 100];
    let mut req = httparse::Request::new(&mut headers);
    assert_eq!(
        req.parse(&passed),
        Ok(httparse::Status::Complete(passed.len())),
        "passed on: {:?}",
        String::from_utf8_lossy(&passed)
    );
});

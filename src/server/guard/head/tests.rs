use super::*;

const LIMIT: usize = 1024;
const LINE: usize = 512;

/// Feeds `bytes` to a scan `step` bytes at a time, as a slow client would
/// send them; the first verdict that is not "more".
fn feed(bytes: &[u8], step: usize) -> Next {
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

fn refused(next: Next) -> (u16, Option<Lang>) {
    match next {
        Next::Refuse(r) => (r.status.as_u16(), r.lang),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_head_is_found_however_it_arrives() {
    let get = b"GET /bn/ HTTP/1.1\r\nHost: x\r\n\r\n";
    let mut two = get.to_vec();
    two.extend_from_slice(b"GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n");
    for step in [1, 2, 3, 7, 1000] {
        assert_eq!(feed(get, step), Next::Pass(get.len()), "step {step}");
        // Pipelined: the first head only.
        assert_eq!(feed(&two, step), Next::Pass(get.len()), "step {step}");
    }
    // Line feeds alone, and empty lines before the request (hyper skips
    // them too).
    let lf = b"GET /bn/ HTTP/1.1\nHost: x\n\n";
    assert_eq!(feed(lf, 1), Next::Pass(lf.len()));
    let lead = b"\r\n\r\nGET /bn/ HTTP/1.1\r\nHost: x\r\n\r\n";
    assert_eq!(feed(lead, 1), Next::Pass(lead.len()));
    // Not complete yet.
    let mut scan = Scan::default();
    assert_eq!(
        scan.next(b"GET /bn/ HTTP/1.1\r\nHo", LIMIT, LINE),
        Next::More
    );
    assert!(scan.started());
    assert!(!Scan::default().started());
}

#[test]
fn a_head_over_the_limit_is_414_for_its_line_and_431_for_its_headers() {
    let long_line = format!("GET /en/search?q={} HTTP/1.1\r\n", "a".repeat(LIMIT));
    assert_eq!(
        refused(feed(long_line.as_bytes(), 100)),
        (414, Some(Lang::En))
    );
    // Cut off before the line ends, in Bangla.
    let cut = format!("GET /bn/search?q={}", "a".repeat(2 * LIMIT));
    assert_eq!(refused(feed(cut.as_bytes(), 4096)), (414, Some(Lang::Bn)));
    // No language to be read: the page's default.
    let cut = format!("GET /static/{}", "a".repeat(2 * LIMIT));
    assert_eq!(refused(feed(cut.as_bytes(), 64)), (414, None));
    let big_header = format!(
        "GET /en/ HTTP/1.1\r\nHost: x\r\nx-big: {}\r\n\r\n",
        "v".repeat(LIMIT)
    );
    assert_eq!(
        refused(feed(big_header.as_bytes(), 64)),
        (431, Some(Lang::En))
    );
    let mut many = String::from("GET /bn/ HTTP/1.1\r\nHost: x\r\n");
    for i in 0..120 {
        many.push_str(&format!("x-{i}: 1\r\n"));
    }
    many.push_str("\r\n");
    let mut scan = Scan::default();
    assert_eq!(
        refused(scan.next(many.as_bytes(), 1 << 20, LINE)),
        (431, Some(Lang::Bn))
    );
}

#[test]
fn what_hyper_would_refuse_is_400() {
    for head in [
        &b"GET /bn/ HTTP/9.9\r\n\r\n"[..],
        b"GET /bn/\r\n\r\n",
        b"GET  /bn/ HTTP/1.1\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
        b"GET /bn/ HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n",
        b"GET /bn/\x7f HTTP/1.1\r\nHost: x\r\n\r\n",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        b"GET /bn/ HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        b"GET /bn/ HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
        b"GET /bn/ HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        b"POST /bn/ HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
        b"POST /bn/ HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"POST /bn/ HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
    ] {
        let (status, _) = refused(feed(head, 5));
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(head));
    }
}

#[test]
fn a_body_ends_the_connection_after_its_answer() {
    let post = b"POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello";
    let Next::PassLast { n, head } = feed(post, 3) else {
        panic!("not the last request");
    };
    assert_eq!(n, post.len() - 5);
    assert_eq!(
        String::from_utf8(head).unwrap(),
        "POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nconnection: close\r\n\r\n"
    );
    let chunked = b"POST /en/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n";
    assert!(matches!(feed(chunked, 100), Next::PassLast { .. }));
    // A length of zero, or the same length twice, is no body.
    let zero = b"GET /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n";
    assert_eq!(feed(zero, 100), Next::Pass(zero.len()));
}

/// Bytes that look like requests: pieces of real heads and noise.
fn request_bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just(b"GET /bn/ HTTP/1.1\r\n".to_vec()),
        Just(b"POST /en/ HTTP/1.0\r\n".to_vec()),
        Just(b"Host: x\r\n".to_vec()),
        Just(b"Content-Length: 3\r\n".to_vec()),
        Just(b"Transfer-Encoding: chunked\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..40),
        proptest::collection::vec(Just(b'a'), 0..700),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

proptest::proptest! {
    /// However the bytes arrive, the verdict is the same, and what is
    /// passed on is a head hyper reads as a whole.
    #[test]
    fn the_verdict_does_not_depend_on_how_the_bytes_arrive(
        bytes in request_bytes(),
        step in 1usize..64,
    ) {
        let whole = {
            let mut scan = Scan::default();
            scan.next(&bytes, LIMIT, LINE)
        };
        let mut scan = Scan::default();
        let mut end = 0;
        let pieces = loop {
            end = (end + step).min(bytes.len());
            match scan.next(&bytes[..end], LIMIT, LINE) {
                Next::More if end < bytes.len() => {}
                next => break next,
            }
        };
        proptest::prop_assert_eq!(&whole, &pieces);
        let passed = match &whole {
            Next::Pass(n) => Some(bytes[..*n].to_vec()),
            Next::PassLast { head, .. } => Some(head.clone()),
            Next::Refuse(_) | Next::More => None,
        };
        if let Some(head) = passed {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADER_LINES];
            let mut req = httparse::Request::new(&mut headers);
            proptest::prop_assert_eq!(req.parse(&head), Ok(httparse::Status::Complete(head.len())));
        }
    }
}

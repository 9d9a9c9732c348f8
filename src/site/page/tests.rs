//! Unit tests of pages and their copies.

use super::*;

fn accepted(value: &str) -> Accepted {
    Accepted::parse(Some(value))
}

#[test]
fn quick_gzip_until_finished_then_brotli() {
    let text = format!("<p>{}</p>", "সেবা ".repeat(500));
    let page = Page::unfinished(HTML, text.clone().into(), None, true, Copies::All);
    assert!(!page.is_finished());
    let sent = page.encoded(&accepted("br, gzip")).unwrap();
    assert_eq!(sent.coding, Some("gzip"));
    assert_eq!(sent.etag, format!("\"{}-gz1\"", page.etag()));
    let quick_len = sent.body.len();

    page.finish();
    assert!(page.is_finished());
    let br = page.encoded(&accepted("br, gzip")).unwrap();
    assert_eq!(br.coding, Some("br"));
    assert_eq!(br.etag, format!("\"{}-br\"", page.etag()));
    let gz = page.encoded(&accepted("gzip")).unwrap();
    assert_eq!(gz.coding, Some("gzip"));
    assert_eq!(gz.etag, format!("\"{}-gz\"", page.etag()));
    assert!(
        gz.body.len() <= quick_len,
        "{} > {quick_len}",
        gz.body.len()
    );
    assert!(page.quick.load().is_none(), "the quick copy is dropped");
    for suffix in ETAG_SUFFIXES {
        assert!(page.matches_etag(&format!("{}{suffix}", page.etag())));
    }
    assert!(!page.matches_etag(&format!("{}-xx", page.etag())));
    assert!(!page.matches_etag("0123456789"));
}

#[test]
fn a_client_taking_only_brotli_gets_it_before_the_background_does() {
    let page = Page::unfinished(HTML, "<p>x</p>".repeat(50).into(), None, true, Copies::All);
    let sent = page.encoded(&accepted("br, identity;q=0")).unwrap();
    assert_eq!(sent.coding, Some("br"));
    assert!(page.is_finished());
    assert!(page.encoded(&accepted("identity;q=0")).is_none());
}

#[test]
fn fonts_go_as_they_are() {
    let font = Page::identity_only("font/woff2", &b"wOF2"[..]);
    for accept in ["br", "gzip", "br, identity;q=0"] {
        let sent = font.encoded(&accepted(accept)).unwrap();
        assert_eq!(sent.coding, None, "{accept}");
        assert_eq!(&sent.body[..], b"wOF2");
    }
}

/// A page of `text` that keeps every copy, and one that keeps brotli
/// only.
fn kept_and_dropped(text: &str) -> (Page, Page) {
    let make = |copies| Page::unfinished(HTML, Bytes::from(text.to_owned()), None, true, copies);
    (make(Copies::All), make(Copies::Brotli))
}

#[test]
fn a_page_told_so_keeps_its_quick_copy_then_brotli_only() {
    let text = format!("<p>{}</p>", "সেবা ".repeat(500));
    let (kept, dropped) = kept_and_dropped(&text);
    assert!(kept.keeps_identity());
    assert!(!dropped.keeps_identity());
    let quick = dropped.quick.load().as_ref().map_or(0, |q| q.len());
    assert_eq!(dropped.stored_bytes(), quick);
    assert_eq!(kept.stored_bytes(), text.len() + quick);

    dropped.finish();
    kept.finish();
    assert!(!dropped.keeps_identity(), "nor after its smallest copies");
    let (best, all) = (dropped.finish(), kept.finish());
    assert!(best.gzip.is_empty());
    assert_eq!(dropped.stored_bytes(), best.brotli.len());
    assert_eq!(
        kept.stored_bytes(),
        text.len() + all.brotli.len() + all.gzip.len()
    );
    // The same brotli copy either way.
    assert_eq!(all.brotli, best.brotli);
}

#[test]
fn copies_not_kept_are_made_for_the_request_from_those_kept() {
    let text = format!("<p>{}</p>", "সেবা ".repeat(500));
    let (kept, dropped) = kept_and_dropped(&text);
    let identity = accepted("identity");
    // From the quick copy, then from brotli 11.
    for finished in [false, true] {
        if finished {
            kept.finish();
            dropped.finish();
        }
        let (a, b) = (
            kept.encoded(&identity).unwrap(),
            dropped.encoded(&identity).unwrap(),
        );
        assert_eq!(b.body, text.as_bytes(), "finished: {finished}");
        assert_eq!(b.coding, None);
        assert_eq!(b.etag, a.etag);
        assert_eq!(b.etag, format!("\"{}\"", dropped.etag()));
        assert_eq!(b.length, a.length);
        assert_eq!(b.length, text.len().to_string());
        assert_eq!(dropped.identity(), text.as_bytes());
        assert_eq!(dropped.identity_len(), text.len());
        // brotli (and the quick copy before it) as the kept page sends it.
        let br = accepted("br, gzip");
        let (a, b) = (kept.encoded(&br).unwrap(), dropped.encoded(&br).unwrap());
        assert_eq!(
            (a.body, a.coding, a.etag, a.length),
            (b.body, b.coding, b.etag, b.length)
        );
    }
    // A gzip-only client: gzip made from brotli, its own tag, decoding
    // to the page, compressed.
    let made = dropped.encoded(&accepted("gzip")).unwrap();
    assert_eq!(made.coding, Some("gzip"));
    let tag = format!("{}-gz{MADE_GZIP_LEVEL}", dropped.etag());
    assert_eq!(made.etag, format!("\"{tag}\""));
    assert!(dropped.matches_etag(&tag));
    assert_eq!(made.length, made.body.len().to_string());
    assert_eq!(
        encoding::gunzip(&made.body, text.len()).unwrap(),
        text.as_bytes()
    );
    assert_eq!(dropped.gzip(), made.body);
    assert!(made.body.len() < text.len() / 10);
    // Its tag known without making it (a 304 costs nothing).
    let chosen = dropped.choose(&accepted("gzip")).unwrap();
    assert_eq!(chosen.etag(), made.etag);
    assert_eq!(kept.gzip(), kept.finish().gzip);
    assert_eq!(MADE_GZIP_SUFFIX, format!("-gz{MADE_GZIP_LEVEL}"));
    // A client that prefers gzip but takes br gets the copy kept.
    let br = dropped.encoded(&accepted("gzip, br;q=0.5")).unwrap();
    assert_eq!(br.coding, Some("br"));
    assert_eq!(br.body, dropped.finish().brotli);
}

#[test]
fn a_large_page_keeps_its_gzip_copy_whatever_the_site_keeps() {
    // Text that does not repeat, over the size a request may gzip.
    let mut text = String::from("<p>");
    let mut n: u64 = 1;
    while text.len() <= MADE_GZIP_MAX {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(&format!("{} ", n >> 40));
    }
    let page = Page::unfinished(HTML, text.clone().into(), None, true, Copies::Brotli);
    assert!(!page.keeps_identity());
    let best = page.finish();
    assert!(!best.gzip.is_empty());
    let gz = page.encoded(&accepted("gzip")).unwrap();
    assert_eq!(gz.body, best.gzip);
    assert_eq!(gz.etag, format!("\"{}-gz\"", page.etag()));
    assert_eq!(page.identity(), text.as_bytes());
}

#[test]
fn a_page_that_keeps_its_bytes_sends_them_as_they_are() {
    let body = Bytes::from(format!("<p>{}</p>", "সেবা ".repeat(500)));
    let page = Page::unfinished(HTML, body.clone(), None, true, Copies::All);
    for finished in [false, true] {
        if finished {
            page.finish();
        }
        let sent = page.encoded(&accepted("identity")).unwrap();
        // The very bytes rendered, not a copy decoded.
        assert_eq!(sent.body.as_ptr(), body.as_ptr());
        assert_eq!(sent.etag, format!("\"{}\"", page.etag()));
        assert_eq!(sent.length, body.len().to_string());
        assert_eq!(page.identity().as_ptr(), body.as_ptr());
    }
}

#[test]
fn a_client_holding_the_uncompressed_page_has_it_whatever_is_kept() {
    let text = "<p>x</p>".repeat(300);
    let (kept, dropped) = kept_and_dropped(&text);
    for page in [&kept, &dropped] {
        let sent = page.encoded(&accepted("identity")).unwrap();
        let tag = sent.etag.to_str().unwrap().trim_matches('"').to_string();
        assert!(page.matches_etag(&tag));
        page.finish();
        assert!(page.matches_etag(&tag), "after the smallest copies too");
        assert!(!page.matches_etag(&format!("{tag}-xx")));
    }
    // The same page, the same tags.
    assert_eq!(kept.etag(), dropped.etag());
}

#[test]
fn a_page_made_for_one_request_has_its_quick_copy_only() {
    let page = Page::rendered_now(HTML, "<p>সেবা</p>".repeat(200));
    let gz = page.encoded(&accepted("br, gzip")).unwrap();
    assert_eq!(gz.coding, Some("gzip"));
    assert!(gz.body.len() < page.identity_len() / 10);
    assert_eq!(page.encoded(&accepted("br")).unwrap().coding, None);
    // No brotli 11 on demand: a client that takes only brotli is told so.
    assert!(page.encoded(&accepted("br, identity;q=0")).is_none());
    assert!(!page.is_finished());
}

//! QR codes as small SVG documents: a citizen standing at the printed
//! notice board scans one and lands on that service's page.

use std::fmt::Write as _;

use askama::Template;
use fast_qr::{ECL, QRBuilder};

/// Quiet zone around the code, in modules (the standard asks for 4).
const QUIET: usize = 4;

/// The most bytes a QR code holds: version 40 at error correction level L,
/// in byte mode, which holds any text (a URL with a lowercase letter is
/// encoded so). A longer `--base-url` or website leaves a service page
/// without a code rather than stopping the load.
pub const MAX_BYTES: usize = 2953;

/// True when `text` fits in a QR code, which [`svg`] then draws.
pub fn fits(text: &str) -> bool {
    text.len() <= MAX_BYTES
}

#[derive(Template)]
#[template(path = "qr.svg")]
struct QrSvg<'a> {
    /// Width and height, quiet zone included, in modules.
    size: usize,
    /// The accessible name.
    label: &'a str,
    /// The dark modules as one path (digits and path commands only).
    path: String,
}

/// An SVG QR code for `text`, one user unit per module; `None` when the
/// text does not fit in a QR code ([`fits`]). `label` is the accessible
/// name.
///
/// The code is one stroked path of horizontal runs: each row starts with
/// an absolute move and each further run in it is a relative move and a
/// line, which keeps a code for a page address near 2 KB (it is sent
/// inline on every service page).
pub fn svg(text: &str, label: &str) -> Option<String> {
    if !fits(text) {
        return None;
    }
    let code = QRBuilder::new(text.as_bytes())
        .ecl(ECL::M)
        .build()
        .or_else(|_| QRBuilder::new(text.as_bytes()).ecl(ECL::L).build())
        .ok()?;
    let width = code.size;
    let dark = |x: usize, y: usize| code.data[y * width + x].value();
    let mut path = String::with_capacity(width * width / 2);
    for y in 0..width {
        // Where the pen is in this row, once a run has been drawn.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark(x, y) {
                x += 1;
            }
            let len = x - start;
            // The stroke is one unit wide, centred on the row's middle.
            // Writing to a String cannot fail.
            let _ = match pen {
                None => write!(path, "M{} {}.5h{len}", start + QUIET, y + QUIET),
                Some(end) => write!(path, "m{} 0h{len}", start - end),
            };
            pen = Some(x);
        }
    }
    let svg = QrSvg {
        size: width + 2 * QUIET,
        label,
        path,
    };
    // Numbers and escaped text written to a String: rendering cannot fail.
    svg.render().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_code_stays_small() {
        // Decoding is checked through HTTP (tests/testsuite/open_data.rs).
        let svg = svg(
            "https://doict.haluaghat.mymensingh.gov.bd/bn/services/sheikh-russel-digital-lab-support",
            "QR",
        )
        .unwrap();
        // A path of runs, not a shape per module: small enough to inline.
        assert!(svg.len() < 3200, "{} bytes", svg.len());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    }

    #[test]
    fn label_is_escaped() {
        let svg = svg("https://example.org/", "a \"b\" <c> & d").unwrap();
        assert!(svg.contains("aria-label=\"a &quot;b&quot; &lt;c&gt; &amp; d\""));
    }

    #[test]
    fn a_text_too_long_for_a_code_has_none() {
        let url = format!("https://{}", "a".repeat(5_000 - "https://".len()));
        assert_eq!(url.len(), 5_000);
        assert!(!fits(&url));
        assert_eq!(svg(&url, "QR"), None);
    }

    #[test]
    fn the_longest_text_that_fits_has_a_code() {
        let longest = "a".repeat(MAX_BYTES);
        assert!(fits(&longest));
        assert!(svg(&longest, "QR").is_some());
        let one_more = format!("{longest}a");
        assert!(!fits(&one_more));
        assert!(
            QRBuilder::new(one_more.as_bytes())
                .ecl(ECL::L)
                .build()
                .is_err()
        );
    }
}

//! QR codes as small SVG documents: a citizen standing at the printed
//! notice board scans one and lands on that service's page.

use std::fmt::Write as _;

use fast_qr::{ECL, QRBuilder};

/// Quiet zone around the code, in modules (the standard asks for 4).
const QUIET: usize = 4;

/// An SVG QR code for `text`, one user unit per module, drawn as one
/// stroked path of horizontal runs: each row starts with an absolute move
/// and each further run in it is a relative move and a line, which keeps a
/// code for a page address near 2 KB (it is sent inline on every service
/// page). `label` is the accessible name.
pub fn svg(text: &str, label: &str) -> String {
    let code = QRBuilder::new(text.as_bytes())
        .ecl(ECL::M)
        .build()
        .or_else(|_| QRBuilder::new(text.as_bytes()).ecl(ECL::L).build())
        .expect("a page URL fits in a QR code");
    let width = code.size;
    let dark = |x: usize, y: usize| code.data[y * width + x].value();
    let size = width + 2 * QUIET;
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
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{}\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path stroke=\"#000\" d=\"{path}\"/></svg>",
        escape_attr(label)
    )
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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
        );
        // Drawn as one rect per run, as before, it was 6 KB.
        assert!(svg.len() < 3200, "{} bytes", svg.len());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    }

    #[test]
    fn label_is_escaped() {
        let svg = svg("https://example.org/", "a \"b\" <c> & d");
        assert!(svg.contains("aria-label=\"a &quot;b&quot; &lt;c&gt; &amp; d\""));
    }
}

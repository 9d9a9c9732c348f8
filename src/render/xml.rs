//! The escaper of the XML templates (`*.xml`, `*.svg`: the sitemap and the
//! QR codes), named in `askama.toml`.

use std::fmt;

/// Escapes what XML needs escaped in text and in double-quoted attribute
/// values: `&`, `<`, `>` and `"`. An apostrophe stays as written (the
/// English label of a QR code has one), unlike in the HTML templates.
#[derive(Debug, Clone, Copy)]
pub struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, text: &str) -> fmt::Result {
        let mut plain = 0;
        for (i, b) in text.bytes().enumerate() {
            let entity = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => continue,
            };
            dest.write_str(&text[plain..i])?;
            dest.write_str(entity)?;
            plain = i + 1;
        }
        dest.write_str(&text[plain..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_xml_needs() {
        let escaped = askama::filters::escape("a \"b\" <c> & d's", Xml)
            .unwrap()
            .to_string();
        assert_eq!(escaped, "a &quot;b&quot; &lt;c&gt; &amp; d's");
    }
}

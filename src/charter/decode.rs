//! The bytes of a charter file as text, with a clear word when an editor
//! saved them in a form other than UTF-8.

use super::diagnostic::{Diagnostic, position};
use super::words::Words;

fn save_as_utf8() -> Words {
    Words::new("check-save-as-utf8")
}

/// The file's text, without a byte-order mark. UTF-16 (which old editors
/// call "Unicode") and bytes that are not UTF-8 are refused with what to
/// do about it.
pub fn text(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(bytes);
    if utf16 {
        return Err(Box::new(
            Diagnostic::error(None, Words::new("check-utf16")).with_hint(save_as_utf8()),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) if bytes.windows(3).filter(|w| w == b"???").count() >= 3 => Err(Box::new(
            Diagnostic::error(None, Words::new("check-ansi"))
                .with_hint(Words::new("check-ansi-hint")),
        )),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            let at = position(good, good.len());
            Err(Box::new(
                Diagnostic::error(
                    None,
                    Words::new("check-not-utf8")
                        .arg("line", at.line)
                        .arg("column", at.column),
                )
                .with_hint(save_as_utf8()),
            ))
        }
    }
}

/// UTF-16 without a byte-order mark: ASCII text with a zero byte beside
/// every character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 4 >= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_and_without_mark_is_refused_with_advice() {
        let utf16: Vec<u8> = "[office]\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        for bytes in [[&[0xFF, 0xFE][..], &utf16].concat(), utf16.clone()] {
            let d = text(&bytes).unwrap_err();
            assert_eq!(d.message.id(), "check-utf16");
            assert_eq!(d.hint.unwrap().id(), "check-save-as-utf8");
        }
    }

    #[test]
    fn an_ansi_save_that_lost_the_bangla_says_so() {
        let bytes = b"name = { bn = \"??????\", en = \"Name\" }\n# \x85\nx = \"???? ???\"\n";
        let d = text(bytes).unwrap_err();
        assert_eq!(d.message.id(), "check-ansi");
        assert!(
            d.hint
                .unwrap()
                .in_lang(crate::i18n::Lang::En)
                .contains("charter restore")
        );
    }

    #[test]
    fn a_utf8_mark_is_dropped_and_bad_bytes_are_placed() {
        assert_eq!(text(b"\xEF\xBB\xBFa = 1").unwrap(), "a = 1");
        let d = text(b"a = 1\nb = \"\xE0x\"").unwrap_err();
        let said = d.message.in_lang(crate::i18n::Lang::En);
        assert!(said.starts_with("line 2 column 6 "), "{said}");
    }
}

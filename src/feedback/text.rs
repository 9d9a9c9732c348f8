//! What a citizen typed, made safe to keep and show: the report's text
//! without control or bidirectional-override characters, and the phone
//! number or e-mail address they gave to be answered.

use unicode_normalization::UnicodeNormalization as _;

use crate::i18n;

/// Longest report text, in characters: the form's `maxlength`, and what
/// the server takes.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// Longest contact (phone number or e-mail address) taken, in characters.
pub const MAX_CONTACT_CHARS: usize = 254;

/// Whether `c` may be kept: no control character but the line break,
/// and none of the marks that reverse or isolate the direction of the
/// text around them (a report could make another line read backwards in
/// the inbox or a spreadsheet: "Trojan Source").
fn kept(c: char) -> bool {
    c == '\n'
        || !(c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// `typed` as it is kept: NFC, line breaks as `\n` (a browser sends
/// `\r\n`), a tab as a space, without the characters [`kept`] refuses,
/// trimmed.
pub fn clean(typed: &str) -> String {
    let text: String = typed
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ")
        .chars()
        .filter(|&c| kept(c))
        .nfc()
        .collect();
    text.trim().to_string()
}

/// What a citizen gave to be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    /// Nothing: they want no answer.
    None,
    /// A phone number: ASCII digits, `+` first if they wrote one.
    Phone(String),
    /// An e-mail address, as typed.
    Email(String),
}

impl Contact {
    /// The contact in `typed` (Bangla or English digits; spaces, dots,
    /// hyphens and brackets between them), or `None` when it is neither
    /// a phone number nor an e-mail address.
    pub fn parse(typed: &str) -> Option<Contact> {
        let typed = clean(typed);
        if typed.is_empty() {
            return Some(Contact::None);
        }
        if typed.chars().count() > MAX_CONTACT_CHARS {
            return None;
        }
        if typed.contains('@') {
            return email(&typed).then_some(Contact::Email(typed));
        }
        let mut number = String::new();
        for (i, c) in typed.chars().enumerate() {
            match c {
                '+' if i == 0 => number.push('+'),
                ' ' | '-' | '.' | '(' | ')' => {}
                c if i18n::digit_value(c).is_some() => number.push(i18n::ascii_digit(c)),
                _ => return None,
            }
        }
        // Bangladesh's numbers have 11 digits (13 with +880); a land line
        // or a number abroad fewer or more.
        let digits = number.trim_start_matches('+').len();
        (6..=15).contains(&digits).then_some(Contact::Phone(number))
    }

    /// The contact as kept: empty for none.
    pub fn stored(&self) -> String {
        match self {
            Contact::None => String::new(),
            Contact::Phone(s) | Contact::Email(s) => s.clone(),
        }
    }
}

/// Whether `text` looks enough like an e-mail address to answer: one
/// `@`, something before it, a dot in the domain after it, no spaces.
fn email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !text.chars().any(char::is_whitespace)
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_marks_and_control_characters_are_not_kept() {
        let typed = "ফি\u{202E}ভুল\u{2066}\r\nনতুন\u{0007} লাইন\t\u{200F}শেষ\u{0000}";
        assert_eq!(clean(typed), "ফিভুল\nনতুন লাইন শেষ");
        // NFC: a decomposed letter is kept composed.
        assert_eq!(clean("e\u{0301}"), "\u{e9}");
    }

    #[test]
    fn phone_numbers_in_either_digits_and_loose_e_mail() {
        let phone = |s: &str| Contact::parse(s);
        assert_eq!(
            phone("০১৭১১-২২৩৩৪৪"),
            Some(Contact::Phone("01711223344".into()))
        );
        assert_eq!(
            phone("+880 1711 223344"),
            Some(Contact::Phone("+8801711223344".into()))
        );
        assert_eq!(phone(" "), Some(Contact::None));
        assert_eq!(
            phone("rahima@example.com"),
            Some(Contact::Email("rahima@example.com".into()))
        );
        for bad in [
            "12345",
            "0171122334455667",
            "call me",
            "a@b",
            "@x.bd",
            "a b@x.bd",
            "1+2345678",
        ] {
            assert_eq!(phone(bad), None, "{bad}");
        }
    }
}

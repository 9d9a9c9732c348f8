//! Checks of the ways to reach the office and its officers: the website,
//! phone numbers and e-mail addresses, which become links on the pages.

use toml::Spanned;

use super::diagnostic::Diagnostic;
use super::model::Charter;
use crate::i18n::{ascii_digits, is_bangla_digit};

/// The office's website, phone number and e-mail address.
pub(super) fn check_office(charter: &Charter, out: &mut Vec<Diagnostic>) {
    let website = charter.office.website.get_ref();
    let host = website
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    if !is_host_name(host) {
        out.push(
            Diagnostic::error(
                Some(charter.office.website.span()),
                format!("website \"{website}\" is not a web address"),
            )
            .with_hint("write the address only, without https:// or a path")
            .with_example("website = \"doict.haluaghat.mymensingh.gov.bd\""),
        );
    }
    if let Some(phone) = &charter.office.phone {
        check_phone(phone, out);
    }
    if let Some(email) = &charter.office.email {
        check_email(email, out);
    }
}

/// Whether `host` is a domain name as DNS allows it: at most 253
/// characters, two labels or more, each of 1 to 63 letters, digits and
/// hyphens, not starting or ending with a hyphen. (Every page links to the
/// website and its addresses go into QR codes: a name DNS refuses would be
/// a dead link, and an endless one a page without its code.)
fn is_host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Digits of a phone number, ASCII or Bangla, with `+`, spaces, hyphens
/// and brackets allowed between them.
pub fn phone_digits(phone: &str) -> Option<String> {
    let mut digits = String::new();
    for (i, c) in ascii_digits(phone.trim()).chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => digits.push('+'),
            ' ' | '-' | '(' | ')' => {}
            _ => return None,
        }
    }
    let count = digits.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&count).then_some(digits)
}

pub(super) fn check_phone(phone: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if phone_digits(phone.get_ref()).is_none() {
        out.push(
            {
                let d = Diagnostic::error(Some(phone.span()), format!("phone number \"{}\" is not valid", phone.get_ref()))
                    .with_hint("write 6 to 15 digits, optionally starting with +, with spaces or hyphens between them if you like, and nothing else (no words)");
                // The digits as typed, without the words around them.
                let kept: String = phone
                    .get_ref()
                    .split(|c: char| !(c.is_ascii_digit() || is_bangla_digit(c) || "+- ".contains(c)))
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string();
                if phone_digits(&kept).is_some() {
                    d.with_example(format!("phone = \"{kept}\""))
                } else {
                    d
                }
            },
        );
    }
}

/// A deliberately strict check: the address becomes a `mailto:` link, so
/// anything that could add recipients or a body to it (`?`, `&`, `%`), or
/// make it another kind of link (`:`), is refused, as are spaces. Office
/// addresses are plain: letters, digits, `.`, `_`, `+` and `-` before the
/// `@`, and a domain of letters, digits and hyphens with a dot in it.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    local_ok && domain_ok
}

pub(super) fn check_email(email: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if !is_valid_email(email.get_ref()) {
        out.push(
            Diagnostic::error(
                Some(email.span()),
                format!("e-mail address \"{}\" is not valid", email.get_ref()),
            )
            .with_hint("write it like name@example.gov.bd: one @, no spaces")
            .with_example_if(email_as_meant(email.get_ref()).map(|e| format!("email = \"{e}\""))),
        );
    }
}

/// The address a clerk meant, when a slip of the keyboard is plain
/// (`name at example.gov.bd`, spaces around the `@`).
fn email_as_meant(typed: &str) -> Option<String> {
    let words: Vec<&str> = typed.split_whitespace().collect();
    let joined = match words.as_slice() {
        [name, "at" | "AT" | "@", domain] => format!("{name}@{domain}"),
        // A space typed for the @.
        [name, domain] if domain.contains('.') => format!("{name}@{domain}"),
        _ => words.concat(),
    };
    is_valid_email(&joined).then_some(joined)
}

//! Checks of the ways to reach the office and its officers: the website
//! and the other names the site answers to, phone numbers and e-mail
//! addresses, which become links on the pages.

use std::collections::HashMap;

use toml::Spanned;

use super::diagnostic::{Diagnostic, InFile, quoted};
use super::model::{Charter, Office};
use super::words::Words;
use crate::hosts::{self, Problem};
use crate::i18n::{ascii_digits, is_bangla_digit};

/// Most other names one office's site may answer to: an older address or
/// two and the portal's make a handful, so a longer list is a paste gone
/// wrong rather than names the office uses.
const MAX_ALIASES: usize = 20;

/// The office's website, aliases, phone number and e-mail address.
pub(super) fn check_office(charter: &Charter, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    let website = charter.office.website.get_ref();
    if let Err(problem) = hosts::normalize(written_host(website)) {
        let problem = problem_key(problem);
        out.push(
            Diagnostic::error(
                Some(charter.office.website.span()),
                Words::new("check-website")
                    .arg("website", website)
                    .arg("problem", problem),
            )
            .with_hint(Words::new("check-website-hint").arg("problem", problem))
            .with_example("website = \"doict.haluaghat.mymensingh.gov.bd\""),
        );
    }
    check_aliases(&charter.office, at, out);
    if let Some(phone) = &charter.office.phone {
        check_phone(phone, out);
    }
    if let Some(email) = &charter.office.email {
        check_email(email, out);
    }
}

/// What is wrong with an address, as the Fluent files select on it.
fn problem_key(problem: Problem) -> &'static str {
    match problem {
        Problem::NotAName => "name",
        Problem::IpAddress => "ip",
        Problem::Localhost => "localhost",
    }
}

/// The host name a website or alias names: `https://` (or `http://`) and
/// a trailing `/` are forgiven in the file, and DNS ignores case, so
/// `https://DoICT.example.gov.bd/` is `doict.example.gov.bd`.
///
/// Every spelling of one name is one address ([`hosts::normalize`]:
/// case, a final dot, punycode); what is not a name is returned as
/// written, in small letters, for the check to refuse.
pub fn host_name(written: &str) -> String {
    let host = written_host(written);
    hosts::normalize(host).unwrap_or_else(|_| host.to_ascii_lowercase())
}

/// The host part of a website or alias as written: without `https://`
/// (or `http://`) and a trailing `/`.
fn written_host(written: &str) -> &str {
    written
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
}

/// Each alias a host name as the website is, neither the website nor
/// another alias again, and not more than [`MAX_ALIASES`] of them.
fn check_aliases(office: &Office, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    let website = host_name(office.website.get_ref());
    let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
    for (i, alias) in office.aliases.iter().enumerate() {
        let written = alias.get_ref();
        if i == MAX_ALIASES {
            out.push(
                Diagnostic::error(
                    Some(alias.span()),
                    Words::new("check-aliases-too-many")
                        .arg("count", office.aliases.len())
                        .arg("max", MAX_ALIASES),
                )
                .with_hint(Words::new("check-aliases-too-many-hint")),
            );
            break;
        }
        let host = host_name(written);
        if let Err(problem) = hosts::normalize(written_host(written)) {
            let taken = |name: &str| {
                name == website
                    || office
                        .aliases
                        .iter()
                        .any(|a| host_name(a.get_ref()) == name)
            };
            // The address as meant, unless it is one the office has
            // already: then this alias is only to be deleted.
            let example = match host_as_meant(written) {
                Some(meant) if taken(&meant) => aliases_line(office, i, None),
                Some(meant) => aliases_line(office, i, Some(&meant)),
                None => "aliases = [\"haluaghat.mymensingh.gov.bd\"]".to_string(),
            };
            let problem = problem_key(problem);
            out.push(
                Diagnostic::error(
                    Some(alias.span()),
                    Words::new("check-alias")
                        .arg("alias", written)
                        .arg("problem", problem),
                )
                .with_hint(Words::new("check-alias-hint").arg("problem", problem))
                .with_example(example),
            );
        } else if host == website {
            out.push(
                Diagnostic::error(
                    Some(alias.span()),
                    Words::new("check-alias-website").arg("alias", written),
                )
                .with_hint(Words::new("check-alias-website-hint"))
                .with_example(aliases_line(office, i, None)),
            );
        } else if let Some(first) = seen.get(&host) {
            let first = at(first.span().start);
            out.push(
                Diagnostic::error(
                    Some(alias.span()),
                    Words::new("check-alias-twice").arg("alias", written),
                )
                .with_hint(
                    Words::new("check-alias-twice-hint")
                        .arg("line", first.line)
                        .arg("column", first.column),
                )
                .with_example(aliases_line(office, i, None)),
            );
        } else {
            seen.insert(host, alias);
        }
    }
}

/// How an office's file claims an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// Its `website`.
    Website,
    /// One of its `aliases`.
    Alias,
}

impl ClaimKind {
    /// The key's name in the file: "website", "alias".
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Website => "website",
            ClaimKind::Alias => "alias",
        }
    }
}

/// An address a charter names as its own, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Website or alias.
    pub kind: ClaimKind,
    /// The address as [`crate::hosts::normalize`] keys it.
    pub host: String,
    /// Where it is written in the file.
    pub at: super::Position,
}

/// The addresses `charter` names as its own: its website, then its
/// aliases, each once; `at` gives the place of a byte of the text the
/// model was read from in the file as saved.
pub(super) fn claims(charter: &Charter, at: impl Fn(usize) -> super::Position) -> Vec<Claim> {
    let office = &charter.office;
    let mut claims: Vec<Claim> = Vec::new();
    let named = std::iter::once((&office.website, ClaimKind::Website))
        .chain(office.aliases.iter().map(|a| (a, ClaimKind::Alias)));
    for (written, kind) in named {
        let host = host_name(written.get_ref());
        if !claims.iter().any(|c| c.host == host) {
            claims.push(Claim {
                kind,
                host,
                at: at(written.span().start),
            });
        }
    }
    claims
}

/// The `aliases` line with the `i`th alias replaced by `with`, or left
/// out; the others as written.
fn aliases_line(office: &Office, i: usize, with: Option<&str>) -> String {
    let names: Vec<String> = office
        .aliases
        .iter()
        .enumerate()
        .filter_map(|(j, a)| match (j == i, with) {
            (false, _) => Some(a.get_ref().as_str()),
            (true, with) => with,
        })
        .map(quoted)
        .collect();
    format!("aliases = [{}]", names.join(", "))
}

/// The host name a clerk meant, when what is wrong is plain: an address
/// copied from the browser with its path, spaces typed in it.
fn host_as_meant(typed: &str) -> Option<String> {
    let without_scheme = typed.split_once("://").map_or(typed, |(_, rest)| rest);
    let host: String = without_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    hosts::normalize(&host).ok()
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
        out.push({
            let d = Diagnostic::error(
                Some(phone.span()),
                Words::new("check-phone").arg("phone", phone.get_ref()),
            )
            .with_hint(Words::new("check-phone-hint"));
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
        });
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
                Words::new("check-email").arg("email", email.get_ref()),
            )
            .with_hint(Words::new("check-email-hint"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_as_compared() {
        assert_eq!(
            host_name("https://DoICT.Example.gov.bd/"),
            "doict.example.gov.bd"
        );
        assert_eq!(host_name("http://example.gov.bd"), "example.gov.bd");
        // A path is not forgiven: it stays, and the check refuses it.
        assert_eq!(host_name("example.gov.bd/bn"), "example.gov.bd/bn");
    }

    #[test]
    fn hosts_as_meant() {
        assert_eq!(
            host_as_meant("https://Old.Example.gov.bd/bn/services?x=1").as_deref(),
            Some("old.example.gov.bd")
        );
        assert_eq!(
            host_as_meant("old.example .gov.bd").as_deref(),
            Some("old.example.gov.bd")
        );
        assert_eq!(host_as_meant("localhost"), None);
        assert_eq!(host_as_meant("user@example.gov.bd"), None);
    }
}

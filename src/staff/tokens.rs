//! Tokens and cookies.
//!
//! Every token is 32 random bytes (256 bits) from the system, written in
//! hex; only its SHA-256 is stored, so that a copy of the database opens
//! no session and sets no password.
//!
//! Two cookies, both `__Host-` (the browser keeps them to this host, sent
//! over HTTPS only, for every path), `HttpOnly` and `SameSite=Strict`:
//!
//! - [`SESSION`], the session's token, made new at each sign-in;
//! - [`FORM`], given with a page whose form is sent before signing in (the
//!   sign-in and set-password forms), so that those forms carry a CSRF
//!   token too. It never becomes a session.
//!
//! A form's CSRF token is derived from the cookie's token
//! ([`csrf_of`]): the page carries it, the cookie proves it, and the
//! database holds neither.

use http::HeaderMap;
use http::header::{COOKIE, HeaderValue};
use sha2::{Digest as _, Sha256};

use crate::charter::hex;

/// The session cookie's name.
pub const SESSION: &str = "__Host-charter-session";
/// The cookie of a form sent before signing in.
pub const FORM: &str = "__Host-charter-form";

/// A new random token: 64 hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system's random numbers");
    hex(&bytes)
}

/// What the database keeps of `token`.
pub fn stored(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The CSRF token of the forms of the cookie holding `token`.
pub fn csrf_of(token: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"csrf\0");
    hasher.update(token.as_bytes());
    hex(&hasher.finalize())
}

/// Whether `given`, a form's CSRF token, is the one of `token`, compared
/// in constant time.
pub fn csrf_matches(token: &str, given: &str) -> bool {
    let expected = csrf_of(token);
    expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The value of the cookie `name` in the request's `Cookie` headers, if
/// it looks like a token.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.trim_matches('"').to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for the cookie `name` holding `token`, for the life of
/// the browser's session.
pub fn set_cookie(name: &str, token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{name}={token}; Path=/; Secure; HttpOnly; SameSite=Strict"
    ))
    .expect("a token is a valid header value")
}

/// `Set-Cookie` that removes the cookie `name`.
pub fn clear_cookie(name: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{name}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"
    ))
    .expect("a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(stored(&a), a);
        assert_eq!(stored(&a), stored(&a));
        assert_ne!(csrf_of(&a), stored(&a));
        assert!(csrf_matches(&a, &csrf_of(&a)));
        assert!(!csrf_matches(&a, &csrf_of(&b)));
        assert!(!csrf_matches(&a, ""));
    }

    #[test]
    fn only_a_token_shaped_cookie_is_read() {
        let token = new_token();
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_str(&format!("a=b; {SESSION}={token}; {FORM}=short")).unwrap(),
        );
        assert_eq!(cookie(&headers, SESSION), Some(token));
        assert_eq!(cookie(&headers, FORM), None);
        let set = set_cookie(SESSION, "x");
        assert_eq!(
            set.to_str().unwrap(),
            "__Host-charter-session=x; Path=/; Secure; HttpOnly; SameSite=Strict"
        );
    }
}

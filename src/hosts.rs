//! Host names as addresses: the one spelling every comparison of two
//! addresses uses, whether they come from a charter's `website`, the
//! registry of addresses, `--base-url` or a request's `Host`.
//!
//! DNS ignores case and a final dot, a port is not part of the name, and
//! an internationalised name (`হালুয়াঘাট.বাংলা`) is the same address as
//! its punycode (`xn--…`): each of these spellings of a name is one
//! address. IP addresses and `.localhost` names are never an office's:
//! the first reach whatever server answers on them, the second are this
//! computer's own (previewing).

/// Why a written name is not an office's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a domain name DNS allows (spaces, a path, a label too long...).
    NotAName,
    /// An IP address (`127.0.0.1`): the name of no office.
    IpAddress,
    /// `localhost` or a name under it: this computer's.
    Localhost,
}

/// The address `name` is, as every comparison keys it: lower-case ASCII
/// (punycode for an internationalised name), without a port or a final
/// dot. `name` has no scheme or path.
pub fn normalize(name: &str) -> Result<String, Problem> {
    let name = without_port(name.trim());
    let name = name.strip_suffix('.').unwrap_or(name);
    let ascii = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        idna::domain_to_ascii(name).map_err(|_| Problem::NotAName)?
    };
    if ascii.starts_with('[') || ascii.parse::<std::net::IpAddr>().is_ok() {
        return Err(Problem::IpAddress);
    }
    if !is_dns_name(&ascii) {
        return Err(Problem::NotAName);
    }
    // No top-level domain is all digits (RFC 3696 §2): `10.1` or
    // `0x7f.1` is an address in one of the forms resolvers accept.
    let top = ascii.rsplit('.').next().unwrap_or_default();
    if top.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::IpAddress);
    }
    if top == "localhost" {
        return Err(Problem::Localhost);
    }
    Ok(ascii)
}

/// `name` without a `:port` after it (digits only): `[::1]:3000` keeps
/// its brackets, `a.gov.bd:443` is `a.gov.bd`.
fn without_port(name: &str) -> &str {
    match name.rsplit_once(':') {
        Some((host, port))
            if !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
                && (!host.contains(':') || host.ends_with(']')) =>
        {
            host
        }
        _ => name,
    }
}

/// Whether `host` (lower-case ASCII) is a domain name as DNS allows it:
/// at most 253 characters, two labels or more, each of 1 to 63 letters,
/// digits and hyphens, not starting or ending with a hyphen.
pub fn is_dns_name(host: &str) -> bool {
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

/// The name a request's `Host` header names, keyed as [`normalize`] keys
/// addresses, or `None` when it names none (an IP address, a number as
/// port that is not one, bytes that are not a name). ASCII names, which
/// browsers always send, take no allocation beyond the key.
pub fn from_header(host: &[u8]) -> Option<String> {
    let host = std::str::from_utf8(host).ok()?;
    normalize(host).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_name_is_one_address() {
        for spelling in [
            "zulu.gov.bd",
            "ZULU.Gov.BD",
            "zulu.gov.bd.",
            "zulu.gov.bd:443",
            "Zulu.Gov.Bd.:8080",
            " zulu.gov.bd ",
        ] {
            assert_eq!(
                normalize(spelling).as_deref(),
                Ok("zulu.gov.bd"),
                "{spelling}"
            );
        }
        let unicode = normalize("হালুয়াঘাট.বাংলা").unwrap();
        assert!(unicode.starts_with("xn--"), "{unicode}");
        assert!(unicode.ends_with(".xn--54b7fta0cc"), "{unicode}");
        assert_eq!(normalize(&unicode).unwrap(), unicode);
        assert_eq!(normalize(&unicode.to_ascii_uppercase()).unwrap(), unicode);
        assert_eq!(
            normalize("Bücher.example").unwrap(),
            "xn--bcher-kva.example"
        );
    }

    #[test]
    fn ip_addresses_and_localhost_are_no_office_s_address() {
        for ip in [
            "127.0.0.1",
            "127.0.0.1:3000",
            "10.1",
            "0x7f.1",
            "[::1]",
            "[::1]:3000",
            "::1",
            "192.168.0.10.",
        ] {
            assert_eq!(normalize(ip), Err(Problem::IpAddress), "{ip}");
        }
        for name in ["haluaghat.localhost", "a.b.LOCALHOST."] {
            assert_eq!(normalize(name), Err(Problem::Localhost), "{name}");
        }
        for bad in [
            "",
            "localhost",
            "gov bd.x",
            "a..b",
            "-a.gov.bd",
            "a.gov.bd/bn",
            "a.gov.bd:abc",
            &format!("{}.bd", "a".repeat(64)),
        ] {
            assert_eq!(normalize(bad), Err(Problem::NotAName), "{bad:?}");
        }
    }

    #[test]
    fn a_host_header_is_keyed_as_an_address() {
        assert_eq!(
            from_header(b"DOICT.Haluaghat.GOV.BD:8080").as_deref(),
            Some("doict.haluaghat.gov.bd")
        );
        assert_eq!(from_header(b"127.0.0.1:3000"), None);
        assert_eq!(from_header(&[0xff, b'.', b'b', b'd']), None);
        assert_eq!(
            from_header("হালুয়াঘাট.বাংলা".as_bytes()),
            normalize("হালুয়াঘাট.বাংলা").ok()
        );
    }
}

//! Who a request comes from: the peer of its connection, or, when that
//! peer is a trusted proxy (nginx in front), the client the proxy names.
//!
//! Behind nginx every connection comes from 127.0.0.1, so a limit per
//! peer would be one limit for every visitor at once. From a trusted
//! peer, the client is the right-most address of `X-Forwarded-For` that
//! is not itself a trusted proxy (the left-most entries are the client's
//! own to write, and lie), and the scheme is `X-Forwarded-Proto`'s; from
//! anyone else both headers are ignored. Every per-client limit (searches,
//! the connections a client may keep busy, the forms) counts by
//! [`Client::ip`].

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use http::HeaderMap;

/// The client a request comes from, as far as it can be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    /// Its address: the peer's, or the one a trusted proxy names.
    pub ip: IpAddr,
    /// Whether it reached the site over HTTPS (a trusted proxy says so).
    pub https: bool,
    /// Whether it came through a trusted proxy.
    pub proxied: bool,
}

/// The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are
/// believed: addresses and networks (`127.0.0.1`, `10.0.0.0/8`, `::1`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

/// An address and how many of its leading bits a network shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Network {
    addr: IpAddr,
    bits: u8,
}

impl Network {
    fn contains(self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.bits)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.bits))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for TrustedProxies {
    type Err = String;

    /// A list separated by commas or spaces, each an address or a network
    /// (`address/bits`); empty trusts no proxy.
    fn from_str(list: &str) -> Result<TrustedProxies, String> {
        let mut networks = Vec::new();
        for item in list.split([',', ' ']).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((addr, bits)) => (addr, Some(bits)),
                None => (item, None),
            };
            let addr: IpAddr = addr
                .parse()
                .map_err(|_| format!("{item:?} is not an IP address (or address/bits)"))?;
            let addr = addr.to_canonical();
            let most = if addr.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                None => most,
                Some(bits) => bits
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= most)
                    .ok_or_else(|| format!("{item:?}: the bits after / are 0 to {most}"))?,
            };
            networks.push(Network { addr, bits });
        }
        Ok(TrustedProxies(networks))
    }
}

impl TrustedProxies {
    /// Whether `ip` is one of the trusted proxies.
    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }

    /// Whether any proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The client of a request from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> Client {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return Client {
                ip: peer,
                https: false,
                proxied: false,
            };
        }
        // Every X-Forwarded-For line, in order, as one list; the right-most
        // untrusted entry is the first hop a trusted proxy saw.
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut ip = peer;
        for entry in forwarded.iter().rev() {
            match parse_forwarded(entry) {
                Some(hop) if self.trusts(hop) => ip = hop,
                Some(hop) => {
                    ip = hop;
                    break;
                }
                // Garbage: nothing to its left can be believed.
                None => break,
            }
        }
        let https = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
        Client {
            ip,
            https,
            proxied: true,
        }
    }
}

/// An `X-Forwarded-For` entry: an address, an IPv6 one in brackets, or
/// either with a port.
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    entry
        .parse::<SocketAddr>()
        .ok()
        .map(|s| s.ip().to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, value.parse().unwrap());
        }
        h
    }

    #[test]
    fn from_a_trusted_proxy_the_client_is_the_right_most_untrusted_hop() {
        let trusted: TrustedProxies = "127.0.0.1, 10.0.0.0/8".parse().unwrap();
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        // The client wrote a lie on the left; nginx appended what it saw.
        let h = headers(&[
            ("x-forwarded-for", "1.1.1.1, 203.0.113.7"),
            ("x-forwarded-proto", "https"),
        ]);
        let client = trusted.client(local, &h);
        assert_eq!(client.ip, "203.0.113.7".parse::<IpAddr>().unwrap());
        assert!(client.https && client.proxied);
        // Through a second trusted proxy, on two lines.
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.7"),
            ("x-forwarded-for", "10.1.2.3"),
        ]);
        let client = trusted.client(local, &h);
        assert_eq!(client.ip, "203.0.113.7".parse::<IpAddr>().unwrap());
        assert!(!client.https);
        // An IPv6 client with a port, in brackets.
        let h = headers(&[("x-forwarded-for", "[2001:db8::1]:4711")]);
        assert_eq!(
            trusted.client(local, &h).ip,
            "2001:db8::1".parse::<IpAddr>().unwrap()
        );
        // No header: the proxy itself.
        assert_eq!(trusted.client(local, &HeaderMap::new()).ip, local);
    }

    #[test]
    fn from_anyone_else_the_headers_are_ignored() {
        let trusted: TrustedProxies = "127.0.0.1".parse().unwrap();
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        let h = headers(&[
            ("x-forwarded-for", "127.0.0.1"),
            ("x-forwarded-proto", "https"),
        ]);
        let client = trusted.client(stranger, &h);
        assert_eq!(client.ip, stranger);
        assert!(!client.https && !client.proxied);
        // Trusting none, the peer is the client, loopback too.
        let none = TrustedProxies::default();
        let local: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(
            none.client(local, &h).ip,
            "127.0.0.1".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn lists_are_addresses_or_networks() {
        let t: TrustedProxies = "::1 192.168.0.0/16,10.0.0.1".parse().unwrap();
        assert!(t.trusts("192.168.44.1".parse().unwrap()));
        assert!(t.trusts("::1".parse().unwrap()));
        assert!(t.trusts("::ffff:10.0.0.1".parse().unwrap()));
        assert!(!t.trusts("10.0.0.2".parse().unwrap()));
        assert!("".parse::<TrustedProxies>().unwrap().is_empty());
        for bad in ["localhost", "10.0.0.0/33", "::1/129", "1.2.3.4/x"] {
            assert!(bad.parse::<TrustedProxies>().is_err(), "{bad}");
        }
    }
}

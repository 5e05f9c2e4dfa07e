//! Who a request comes from: the peer, or the address a trusted proxy wrote
//! ([`client_address`]), and the key a client is counted by ([`client_key`]).

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::http::{header, HeaderMap};

/// Which header a trusted proxy writes the client's address in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `Forwarded` (RFC 7239): `for=` of each element.
    Forwarded,
    /// `X-Forwarded-For`: a list of addresses.
    XForwardedFor,
}

impl ForwardedHeader {
    /// As `OMAKANTA_FORWARDED_HEADER` names it.
    #[must_use]
    pub fn from_setting(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "forwarded" => Some(Self::Forwarded),
            "x-forwarded-for" => Some(Self::XForwardedFor),
            _ => None,
        }
    }

    /// The addresses every line of the header records, as written (nearest last); an
    /// element that names no address is `None` in its place.
    fn nodes(self, headers: &HeaderMap) -> Vec<Option<IpAddr>> {
        let name = match self {
            Self::Forwarded => header::FORWARDED,
            Self::XForwardedFor => header::HeaderName::from_static("x-forwarded-for"),
        };
        headers
            .get_all(name)
            .iter()
            // A line that is not text names no one: counted as one element of nothing.
            .flat_map(|line| line.to_str().unwrap_or("\u{0}").split(','))
            .map(|element| match self {
                Self::Forwarded => element.split(';').find_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    k.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| parse_node(v))?
                }),
                Self::XForwardedFor => parse_node(element),
            })
            .collect()
    }
}

/// The client a request comes from: the peer, or, when the peer is a trusted proxy,
/// the address the proxies added to `forwarded` — read right to left, past the trusted
/// proxies, to the first address none of them is: the one the nearest trusted proxy
/// saw connect. Everything left of it the client may have written. An element there
/// that names no address stops the walk at the peer; the other header is never read.
#[must_use]
pub fn client_address(
    peer: IpAddr,
    headers: &HeaderMap,
    trusted: &[IpAddr],
    forwarded: ForwardedHeader,
) -> IpAddr {
    let peer = canonical(peer);
    if !trusted.contains(&peer) {
        return peer;
    }
    for node in forwarded.nodes(headers).into_iter().rev() {
        match node.map(canonical) {
            Some(a) if trusted.contains(&a) => {}
            Some(a) => return a,
            None => return peer,
        }
    }
    peer
}

/// An address as `Forwarded` or `X-Forwarded-For` writes it: bare, quoted, bracketed
/// IPv6, with or without a port.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let s = raw.trim().trim_matches('"');
    if let Ok(a) = s.parse::<IpAddr>() {
        return Some(a);
    }
    if let Some(rest) = s.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    s.parse::<SocketAddr>()
        .ok()
        .map(|a| a.ip())
        .or_else(|| s.rsplit_once(':').and_then(|(h, _)| h.parse().ok()))
}

/// An IPv4 address in IPv6 clothing is the IPv4 address.
fn canonical(a: IpAddr) -> IpAddr {
    match a {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(a, IpAddr::V4),
        v4 @ IpAddr::V4(_) => v4,
    }
}

/// The key a client is counted by: an IPv4 address, or an IPv6 address's /64.
#[must_use]
pub fn client_key(a: IpAddr) -> String {
    match canonical(a) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    fn headers(lines: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in lines {
            h.append(*name, value.parse().expect("header"));
        }
        h
    }

    use ForwardedHeader::{Forwarded, XForwardedFor};

    #[test]
    fn a_forwarded_client_counts_only_behind_a_trusted_proxy() {
        let proxy = ip("10.0.0.5");
        let h = headers(&[("x-forwarded-for", "203.0.113.9, 198.51.100.7")]);
        assert_eq!(
            client_address(proxy, &h, &[], XForwardedFor),
            proxy,
            "not trusted: the peer"
        );
        assert_eq!(
            client_address(proxy, &h, &[proxy], XForwardedFor),
            ip("198.51.100.7"),
            "the address the proxy added"
        );
        assert_eq!(
            client_address(proxy, &h, &[proxy, ip("198.51.100.7")], XForwardedFor),
            ip("203.0.113.9"),
            "trusted proxies along the way are skipped"
        );
        let f = headers(&[(
            "forwarded",
            r#"for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711""#,
        )]);
        assert_eq!(
            client_address(proxy, &f, &[proxy], Forwarded),
            ip("2001:db8:cafe::17")
        );
        // A client cannot pose as another by sending the header itself.
        assert_eq!(
            client_address(ip("203.0.113.9"), &h, &[proxy], XForwardedFor),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_clients_own_forwarded_header_is_never_believed_behind_a_proxy_that_writes_the_other() {
        let proxy = ip("10.0.0.5");
        // nginx appends the peer to X-Forwarded-For and passes the client's Forwarded on.
        let h = headers(&[
            ("forwarded", "for=192.0.2.1"),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(
            client_address(proxy, &h, &[proxy], XForwardedFor),
            ip("198.51.100.7")
        );
        // The other way round: a proxy writing Forwarded, a client's X-Forwarded-For.
        let h = headers(&[
            ("x-forwarded-for", "192.0.2.1"),
            ("forwarded", "for=198.51.100.7"),
        ]);
        assert_eq!(
            client_address(proxy, &h, &[proxy], Forwarded),
            ip("198.51.100.7")
        );
        // Without the configured header, the peer: never a fall back to the other.
        let h = headers(&[("forwarded", "for=192.0.2.1")]);
        assert_eq!(client_address(proxy, &h, &[proxy], XForwardedFor), proxy);
    }

    #[test]
    fn every_line_of_the_header_is_read_and_the_right_most_untrusted_address_taken() {
        let proxy = ip("10.0.0.5");
        // The client's own line first, the proxy's appended line last.
        let h = headers(&[
            ("forwarded", "for=192.0.2.1"),
            ("forwarded", "for=198.51.100.7;proto=https"),
        ]);
        assert_eq!(
            client_address(proxy, &h, &[proxy], Forwarded),
            ip("198.51.100.7")
        );
        let h = headers(&[
            ("x-forwarded-for", "192.0.2.1, 192.0.2.2"),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(
            client_address(proxy, &h, &[proxy], XForwardedFor),
            ip("198.51.100.7")
        );
        // What the proxy added names no address: the walk stops, nothing left of it is
        // believed.
        let h = headers(&[("forwarded", "for=192.0.2.1, for=unknown")]);
        assert_eq!(client_address(proxy, &h, &[proxy], Forwarded), proxy);
        let h = headers(&[("x-forwarded-for", "192.0.2.1, ")]);
        assert_eq!(client_address(proxy, &h, &[proxy], XForwardedFor), proxy);
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:bbbb::9"))
        );
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_key(ip("::ffff:192.0.2.1")), "192.0.2.1");
    }
}

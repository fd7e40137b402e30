//! Where a tenant's webhooks may go. [`Guard`] refuses loopback, private, link-local,
//! shared, reserved and metadata addresses: literal ones when an endpoint is saved and
//! before each send, host names when saved and again inside the delivery client's DNS
//! resolver, so the address checked is the address connected to. A configured
//! allow-list lets chosen networks through (tests use it).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use crate::error::Msg;

/// A network given as `address/prefix` (or a lone address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    fn parse(s: &str) -> Result<Net, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("{s:?} is not an address or network"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s:?} has no valid prefix length"))?,
            None => max,
        };
        Ok(Net { addr, prefix })
    }

    fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, d] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240
        // Azure's host endpoint (its metadata and DNS relay).
        || (a, b, c, d) == (168, 63, 129, 16)
}

/// Loopback, private, link-local (the cloud metadata address), shared, reserved or
/// multicast: nowhere a tenant's webhook may go.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return internal_v4(v4);
            }
            let seg = v6.segments();
            // Only global unicast (2000::/3) can be outside; inside it, 6to4 carries an
            // IPv4 address to check, and Teredo and the documentation range are out.
            if seg[0] & 0xe000 != 0x2000 {
                return true;
            }
            if seg[0] == 0x2002 {
                let [a, b] = seg[1].to_be_bytes();
                let [c, d] = seg[2].to_be_bytes();
                return internal_v4(Ipv4Addr::new(a, b, c, d));
            }
            seg[0] == 0x2001 && (seg[1] == 0 || seg[1] == 0xdb8)
        }
    }
}

/// Where webhooks may be sent.
#[derive(Clone, Debug, Default)]
pub struct Guard {
    allowed: Vec<Net>,
    /// Plain `http://` endpoints are accepted (development and tests only).
    allow_http: bool,
}

impl Guard {
    /// A guard letting `allowed` networks through despite being internal.
    pub fn new(allowed: &[String], allow_http: bool) -> Result<Guard, String> {
        let allowed = allowed
            .iter()
            .map(|s| Net::parse(s))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Guard {
            allowed,
            allow_http,
        })
    }

    pub fn permits(&self, ip: IpAddr) -> bool {
        !is_internal(ip) || self.allowed.iter().any(|n| n.contains(ip))
    }

    /// [`Guard::check_url`], and then the host's addresses as DNS gives them now (each
    /// send checks them again: an answer can change).
    pub async fn check_url_resolved(&self, url: &str) -> Result<String, Msg> {
        let checked = self.check_url(url)?;
        let parsed = reqwest::Url::parse(&checked).map_err(|e| Msg::detail(e.to_string()))?;
        if let Some(url::Host::Domain(name)) = parsed.host() {
            let port = parsed.port_or_known_default().unwrap_or(443);
            let addrs: Vec<SocketAddr> = match tokio::net::lookup_host((name, port)).await {
                Ok(a) => a.collect(),
                Err(_) => {
                    return Err(Msg::new(
                        "err-url-not-in-dns",
                        &[("host", name.to_string())],
                    ))
                }
            };
            if addrs.is_empty() || addrs.iter().any(|a| !self.permits(a.ip())) {
                // (The English ends with REFUSED.)
                return Err(Msg::new(
                    "err-url-resolves-inside",
                    &[("host", name.to_string())],
                ));
            }
        }
        Ok(checked)
    }

    /// The endpoint URL, checked: `https` (or `http` where allowed), no credentials, a
    /// host, and not a literal internal address. The answer names what is wrong.
    pub fn check_url(&self, url: &str) -> Result<String, Msg> {
        let url = url.trim();
        if url.is_empty() || url.chars().count() > super::MAX_URL_CHARS {
            return Err(Msg::new(
                "err-url-missing",
                &[("most", super::MAX_URL_CHARS.to_string())],
            ));
        }
        let parsed =
            reqwest::Url::parse(url).map_err(|_| Msg::new("err-url-not-web-address", &[]))?;
        match parsed.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            _ => return Err(Msg::new("err-url-https", &[])),
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Msg::new("err-url-credentials", &[]));
        }
        let literal = match parsed.host() {
            None => return Err(Msg::new("err-url-no-host", &[])),
            Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
            Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
            Some(url::Host::Domain(_)) => None,
        };
        if literal.is_some_and(|ip| !self.permits(ip)) {
            return Err(Msg::new("err-url-internal", &[]));
        }
        Ok(parsed.to_string())
    }
}

/// The message a refused resolution carries, so an attempt can say why.
const REFUSED: &str = "resolves to a private, loopback, link-local or metadata address";

/// Resolves host names and drops nothing silently: a name with any internal address the
/// guard does not allow is refused whole.
struct GuardedResolver(Arc<Guard>);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.0.clone();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            if addrs.is_empty() || addrs.iter().any(|a| !guard.permits(a.ip())) {
                return Err(REFUSED.into());
            }
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

/// The HTTP client deliveries go through: no redirects, no proxy, bounded time, and
/// the guard's resolver, so every host name is checked as it is connected to.
pub(super) fn client(guard: Arc<Guard>, timeout: Duration) -> reqwest::Client {
    guarded_client(guard, timeout, "portal-webhooks/1")
}

/// A client like the deliveries' (no redirects, no proxy, bounded time, every host
/// name checked by the guard as it is connected to), with its own user agent.
pub(crate) fn guarded_client(guard: Arc<Guard>, timeout: Duration, agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .no_proxy()
        .user_agent(agent)
        .dns_resolver(Arc::new(GuardedResolver(guard)))
        .build()
        .expect("a client with these settings builds")
}

pub(super) fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        if s.to_string().contains(REFUSED) {
            return format!("refused: the host {REFUSED}");
        }
        source = s.source();
    }
    if e.is_timeout() {
        format!("no answer within {} s", timeout.as_secs())
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        "the request failed before an answer".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_refused_unless_allowed() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "224.0.0.1",
            "255.255.255.255",
            "168.63.129.16",
            "::127.0.0.1",
            "2002:7f00:1::1",
            "2002:a9fe:a9fe::1",
            "64:ff9b:1::1",
            "64:ff9b::a00:1",
            "2001:0:4136:e378::1",
            "fec0::1",
            "2001:db8::1",
            "ff02::1",
        ] {
            assert!(is_internal(ip(s)), "{s}");
        }
        for s in [
            "93.184.216.34",
            "2606:2800:220:1:248:1893:25c8:1946",
            "8.8.8.8",
            "2002:5db8:d822::1",
        ] {
            assert!(!is_internal(ip(s)), "{s}");
        }
        let g = Guard::new(&["127.0.0.1".into(), "10.0.0.0/8".into()], false).unwrap();
        assert!(g.permits(ip("127.0.0.1")) && g.permits(ip("10.200.1.1")));
        assert!(!g.permits(ip("127.0.0.2")) && !g.permits(ip("169.254.169.254")));
        assert!(Guard::new(&["10.0.0.0/33".into()], false).is_err());
        assert!(Guard::new(&["example.com".into()], false).is_err());
    }

    #[test]
    fn endpoint_urls_are_checked() {
        let g = Guard::default();
        assert!(g.check_url("https://hooks.example.com/in?x=1").is_ok());
        for (url, says) in [
            ("http://hooks.example.com/", "https://"),
            ("ftp://hooks.example.com/", "https://"),
            ("https://user:pw@hooks.example.com/", "credentials"),
            ("https://169.254.169.254/latest", "metadata"),
            ("https://[::1]:8080/", "loopback"),
            ("https://10.0.0.5/", "private"),
            ("not a url", "not a web address"),
            ("", "give the endpoint"),
        ] {
            let e = g.check_url(url).unwrap_err();
            assert!(e.contains(says), "{url}: {e}");
        }
        let dev = Guard::new(&["127.0.0.1".into()], true).unwrap();
        assert!(dev.check_url("http://127.0.0.1:9000/hook").is_ok());
        assert!(dev.check_url("http://127.0.0.2:9000/hook").is_err());
    }

    #[tokio::test]
    async fn a_name_that_resolves_inside_is_refused_when_connecting() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let url = format!("http://localhost:{port}/hook");
        let strict = client(Arc::new(Guard::default()), Duration::from_secs(2));
        let e = strict.post(&url).send().await.unwrap_err();
        assert!(
            describe(&e, Duration::from_secs(2)).contains("refused"),
            "{e:?}"
        );
        let g = Guard::new(&["127.0.0.1".into(), "::1".into()], true).unwrap();
        assert!(g.check_url_resolved(&url).await.is_ok());
        let strict = Guard::new(&[], true).unwrap();
        let e = strict.check_url_resolved(&url).await.unwrap_err();
        assert!(e.contains("refused"), "{e}");
    }
}

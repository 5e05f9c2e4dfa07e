//! Configuration from the environment, checked at start.

use std::net::SocketAddr;

use crate::limits::{Allowances, ForwardedHeader, Kind};

/// Where the app runs and with what.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub site_addr: SocketAddr,
    /// The folder cargo-leptos builds the site into (holds `pkg/`).
    pub site_root: String,
    pub environment: Environment,
    /// The OpenID provider; none means the development sign-in.
    pub oidc_issuer: Option<String>,
    pub oidc_client_id: String,
    pub oidc_client_secret: Option<Secret>,
    /// The ID token claim with the personal identity code.
    pub oidc_hetu_claim: String,
    /// The address people reach the app at (for the sign-in redirect URI).
    pub public_url: String,
    /// Fill an empty database with the demo persons on start.
    pub demo_data: bool,
    /// How many requests of each kind a client or a person may make in a window
    /// (`OMAKANTA_*_PER_MINUTE`, `OMAKANTA_*_PER_DAY`; `crate::limits`).
    pub allowances: Allowances,
    /// A session ends after this many seconds without use.
    pub session_idle_seconds: u32,
    /// The page warns this many seconds before the session ends.
    pub session_warn_seconds: u32,
    /// The demo's renewal desk: how long a renewal request waits at each step, in
    /// seconds (`OMAKANTA_RENEWAL_DESK_SECONDS`; 60 with demo data, `off` for none).
    pub renewal_desk_seconds: Option<u32>,
    /// Proxies whose forwarded client address is believed (`OMAKANTA_TRUSTED_PROXIES`,
    /// comma-separated addresses); none by default.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The one header the trusted proxies write the client's address in
    /// (`OMAKANTA_FORWARDED_HEADER`: `forwarded` or `x-forwarded-for`), which must be
    /// said when proxies are trusted.
    pub forwarded_header: ForwardedHeader,
    /// Keep rate-limit counters in the database, shared by every server
    /// (`OMAKANTA_SHARED_LIMITS=database`); in memory by default.
    pub shared_limits: bool,
}

/// A secret from the environment; its `Debug` does not show it.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Invalid(&'static str),
    #[error("configuration: {0} must be a number")]
    NotANumber(&'static str),
}

impl Config {
    /// Reads `OMAKANTA_*` variables (see README.md).
    ///
    /// # Errors
    /// When a value is malformed or missing, or production is asked for without an
    /// identity provider.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads the settings from `lookup` (the environment, or a test's table).
    /// `OMAKANTA_ENV` must be said: a server that is not told it runs in development
    /// does not assume so (no demo data, development sign-in or renewal desk by
    /// accident).
    ///
    /// # Errors
    /// As [`Config::from_env`].
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |k: &str| lookup(k).filter(|v| !v.is_empty());
        let environment = match var("OMAKANTA_ENV").as_deref() {
            Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            None => {
                return Err(ConfigError::Invalid(
                    "OMAKANTA_ENV must be set: development or production",
                ))
            }
            Some(_) => {
                return Err(ConfigError::Invalid(
                    "OMAKANTA_ENV must be development or production",
                ))
            }
        };
        let site_addr = var("OMAKANTA_ADDR")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|_| ConfigError::Invalid("OMAKANTA_ADDR must be host:port"))?;
        let config = Self {
            database_url: var("OMAKANTA_DATABASE_URL")
                .unwrap_or_else(|| "sqlite://omakanta.db?mode=rwc".into()),
            site_addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            environment,
            oidc_issuer: var("OMAKANTA_OIDC_ISSUER"),
            oidc_client_id: var("OMAKANTA_OIDC_CLIENT_ID").unwrap_or_else(|| "omakanta".into()),
            oidc_client_secret: var("OMAKANTA_OIDC_CLIENT_SECRET").map(Secret),
            oidc_hetu_claim: var("OMAKANTA_OIDC_HETU_CLAIM").unwrap_or_else(|| "hetu".into()),
            public_url: var("OMAKANTA_PUBLIC_URL").unwrap_or_else(|| format!("http://{site_addr}")),
            allowances: allowances(&var)?,
            session_idle_seconds: var("OMAKANTA_SESSION_IDLE_SECONDS")
                .map_or(Ok(1800), |v| v.parse())
                .map_err(|_| {
                    ConfigError::Invalid("OMAKANTA_SESSION_IDLE_SECONDS must be a number")
                })?,
            session_warn_seconds: var("OMAKANTA_SESSION_WARN_SECONDS")
                .map_or(Ok(120), |v| v.parse())
                .map_err(|_| {
                    ConfigError::Invalid("OMAKANTA_SESSION_WARN_SECONDS must be a number")
                })?,
            demo_data: var("OMAKANTA_DEMO_DATA")
                .map_or(environment == Environment::Development, |v| {
                    v == "1" || v == "true"
                }),
            renewal_desk_seconds: None,
            trusted_proxies: var("OMAKANTA_TRUSTED_PROXIES")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| {
                    ConfigError::Invalid(
                        "OMAKANTA_TRUSTED_PROXIES must be IP addresses, comma-separated",
                    )
                })?,
            forwarded_header: match var("OMAKANTA_FORWARDED_HEADER") {
                Some(v) => ForwardedHeader::from_setting(&v).ok_or(ConfigError::Invalid(
                    "OMAKANTA_FORWARDED_HEADER must be forwarded or x-forwarded-for",
                ))?,
                None if var("OMAKANTA_TRUSTED_PROXIES").is_some() => {
                    return Err(ConfigError::Invalid(
                        "OMAKANTA_FORWARDED_HEADER must say which header the trusted proxies write: forwarded or x-forwarded-for",
                    ))
                }
                None => ForwardedHeader::XForwardedFor,
            },
            shared_limits: match var("OMAKANTA_SHARED_LIMITS").as_deref() {
                None | Some("memory") => false,
                Some("database") => true,
                Some(_) => {
                    return Err(ConfigError::Invalid(
                        "OMAKANTA_SHARED_LIMITS must be memory or database",
                    ))
                }
            },
        };
        let config = Config {
            renewal_desk_seconds: match var("OMAKANTA_RENEWAL_DESK_SECONDS").as_deref() {
                None => config.demo_data.then_some(60),
                Some("off") => None,
                Some(v) => Some(v.parse().map_err(|_| {
                    ConfigError::Invalid("OMAKANTA_RENEWAL_DESK_SECONDS must be a number or off")
                })?),
            },
            ..config
        };
        config.check()?;
        Ok(config)
    }

    /// Refuses settings that must never run together.
    ///
    /// # Errors
    /// The development sign-in or demo data in production.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.session_warn_seconds >= self.session_idle_seconds {
            return Err(ConfigError::Invalid(
                "OMAKANTA_SESSION_WARN_SECONDS must be less than OMAKANTA_SESSION_IDLE_SECONDS",
            ));
        }
        if self.environment == Environment::Production {
            if self.oidc_issuer.is_none() {
                return Err(ConfigError::Invalid(
                    "production needs OMAKANTA_OIDC_ISSUER: the development sign-in cannot run in production",
                ));
            }
            if self.demo_data {
                return Err(ConfigError::Invalid(
                    "demo data cannot be loaded in production",
                ));
            }
            if self.renewal_desk_seconds.is_some() {
                return Err(ConfigError::Invalid(
                    "the demo renewal desk cannot run in production: care units answer renewal requests",
                ));
            }
        }
        Ok(())
    }

    /// The identity provider's settings, when one is configured.
    #[must_use]
    pub fn oidc(&self) -> Option<crate::oidc::OidcConfig> {
        self.oidc_issuer
            .as_ref()
            .map(|issuer| crate::oidc::OidcConfig {
                issuer: issuer.clone(),
                client_id: self.oidc_client_id.clone(),
                client_secret: self.oidc_client_secret.as_ref().map(|s| s.0.clone()),
                redirect_uri: format!("{}/auth/callback", self.public_url.trim_end_matches('/')),
                hetu_claim: self.oidc_hetu_claim.clone(),
            })
    }

    /// A configuration for tests and tools: development, the given database and address.
    #[must_use]
    pub fn development(database_url: String, site_addr: SocketAddr, site_root: String) -> Self {
        Self {
            database_url,
            site_addr,
            site_root,
            environment: Environment::Development,
            oidc_issuer: None,
            oidc_client_id: "omakanta".into(),
            oidc_client_secret: None,
            oidc_hetu_claim: "hetu".into(),
            public_url: format!("http://{site_addr}"),
            demo_data: true,
            allowances: Allowances::default(),
            session_idle_seconds: 1800,
            session_warn_seconds: 120,
            renewal_desk_seconds: None,
            trusted_proxies: Vec::new(),
            forwarded_header: ForwardedHeader::XForwardedFor,
            shared_limits: false,
        }
    }

    /// Whether the development sign-in is offered.
    #[must_use]
    pub fn dev_sign_in(&self) -> bool {
        self.environment == Environment::Development && self.oidc_issuer.is_none()
    }

    /// Cookies are marked Secure (and the session cookie `__Host-` prefixed) outside
    /// local development.
    #[must_use]
    pub fn secure_cookies(&self) -> bool {
        self.environment == Environment::Production
    }
}

/// Each allowance from its setting, or its default.
fn allowances(var: &impl Fn(&str) -> Option<String>) -> Result<Allowances, ConfigError> {
    let mut allowances = Allowances::default();
    for &kind in Kind::ALL {
        if let Some(v) = var(kind.setting()) {
            *allowances.of_mut(kind) = v
                .parse()
                .map_err(|_| ConfigError::NotANumber(kind.setting()))?;
        }
    }
    Ok(allowances)
}

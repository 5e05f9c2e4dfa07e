//! Configuration from the environment, checked at start.

use std::net::SocketAddr;

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
    /// Fill an empty database with the demo persons on start.
    pub demo_data: bool,
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
}

impl Config {
    /// Reads `OMAKANTA_*` variables (see README.md).
    ///
    /// # Errors
    /// When a value is malformed, or production is asked for without an identity provider.
    pub fn from_env() -> Result<Self, ConfigError> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let environment = match var("OMAKANTA_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
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
            demo_data: var("OMAKANTA_DEMO_DATA")
                .map_or(environment == Environment::Development, |v| {
                    v == "1" || v == "true"
                }),
        };
        config.check()?;
        Ok(config)
    }

    /// Refuses settings that must never run together.
    ///
    /// # Errors
    /// The development sign-in or demo data in production.
    pub fn check(&self) -> Result<(), ConfigError> {
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
        }
        Ok(())
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

//! Sign-in at an OpenID provider: authorization code with PKCE (S256), `state` and
//! `nonce`, with the `oauth2` crate; the ID token's signature, issuer, audience, expiry
//! and nonce are checked here, and its HETU claim names the person.

use std::sync::Arc;

use archive::hetu::Hetu;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

/// The ID token that comes beside the access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdTokenField {
    pub id_token: String,
}

impl ExtraTokenFields for IdTokenField {}

type TokenResponse = StandardTokenResponse<IdTokenField, BasicTokenType>;
type Client = oauth2::Client<
    BasicErrorResponse,
    TokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// How to reach the provider.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Where the provider sends the browser back: `<public url>/auth/callback`.
    pub redirect_uri: String,
    /// The ID token claim that carries the personal identity code.
    pub hetu_claim: String,
}

/// Why a sign-in failed. Carries nothing from the tokens.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the provider's metadata could not be read")]
    Discovery,
    #[error("the provider's metadata is not usable: {0}")]
    Metadata(&'static str),
    #[error("the code exchange failed")]
    Exchange,
    #[error("the ID token was refused: {0}")]
    IdToken(&'static str),
    #[error("the access token was refused: {0}")]
    AccessToken(&'static str),
}

#[derive(Debug, Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
    #[serde(default)]
    end_session_endpoint: Option<String>,
    #[serde(default)]
    id_token_signing_alg_values_supported: Vec<String>,
}

/// The signing algorithms accepted for ID tokens: asymmetric only, never `none`.
const ACCEPTED: [Algorithm; 4] = [
    Algorithm::RS256,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::EdDSA,
];

/// A discovered provider.
#[derive(Debug)]
pub struct Oidc {
    config: OidcConfig,
    client: Client,
    http: oauth2::reqwest::Client,
    issuer: String,
    jwks_uri: String,
    jwks: RwLock<Option<Arc<JwkSet>>>,
    pub end_session_endpoint: Option<String>,
}

/// What the browser is sent to the provider with, and what is kept for its return.
#[derive(Debug)]
pub struct Start {
    pub url: String,
    pub state: String,
    pub attempt: archive::LoginAttempt,
}

fn random_token() -> String {
    use rand::TryRngCore;
    let mut bytes = [0u8; 32];
    // A failing OS generator is fatal for sign-in; an empty token would be refused.
    if rand::rngs::OsRng.try_fill_bytes(&mut bytes).is_err() {
        return String::new();
    }
    hex::encode(bytes)
}

impl Oidc {
    /// Reads the provider's metadata from `<issuer>/.well-known/openid-configuration`.
    ///
    /// # Errors
    /// When it cannot be read, names another issuer, or lacks what the flow needs.
    pub async fn discover(config: OidcConfig) -> Result<Self, OidcError> {
        let http = oauth2::reqwest::Client::builder()
            .redirect(oauth2::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|_| OidcError::Discovery)?;
        let url = format!(
            "{}/.well-known/openid-configuration",
            config.issuer.trim_end_matches('/')
        );
        let body = http
            .get(url)
            .send()
            .await
            .map_err(|_| OidcError::Discovery)?
            .error_for_status()
            .map_err(|_| OidcError::Discovery)?
            .bytes()
            .await
            .map_err(|_| OidcError::Discovery)?;
        let meta: Metadata = serde_json::from_slice(&body).map_err(|_| OidcError::Discovery)?;
        if meta.issuer.trim_end_matches('/') != config.issuer.trim_end_matches('/') {
            return Err(OidcError::Metadata("the metadata names another issuer"));
        }
        if !meta.id_token_signing_alg_values_supported.is_empty()
            && !meta
                .id_token_signing_alg_values_supported
                .iter()
                .any(|a| ACCEPTED.iter().any(|x| format!("{x:?}") == *a))
        {
            return Err(OidcError::Metadata(
                "no accepted ID token signing algorithm",
            ));
        }
        let mut client = oauth2::Client::new(ClientId::new(config.client_id.clone()))
            .set_auth_uri(
                AuthUrl::new(meta.authorization_endpoint)
                    .map_err(|_| OidcError::Metadata("authorization endpoint"))?,
            )
            .set_token_uri(
                TokenUrl::new(meta.token_endpoint)
                    .map_err(|_| OidcError::Metadata("token endpoint"))?,
            )
            .set_redirect_uri(
                RedirectUrl::new(config.redirect_uri.clone())
                    .map_err(|_| OidcError::Metadata("redirect uri"))?,
            );
        if let Some(secret) = &config.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret.clone()));
        }
        Ok(Self {
            issuer: meta.issuer,
            jwks_uri: meta.jwks_uri,
            end_session_endpoint: meta.end_session_endpoint,
            config,
            client,
            http,
            jwks: RwLock::new(None),
        })
    }

    /// Where to send the browser so the provider ends its session too, and then sends
    /// it back to `return_to`; `None` when the provider has no end-session endpoint.
    #[must_use]
    pub fn end_session_url(&self, return_to: &str) -> Option<String> {
        let mut url = oauth2::url::Url::parse(self.end_session_endpoint.as_deref()?).ok()?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.config.client_id)
            .append_pair("post_logout_redirect_uri", return_to);
        Some(url.to_string())
    }

    /// The origin of the provider's authorization endpoint (`scheme://host:port`).
    #[must_use]
    pub fn authorization_origin(&self) -> Option<String> {
        let url = self.client.auth_uri().url();
        Some(url.origin().ascii_serialization()).filter(|o| o != "null")
    }

    /// A new sign-in: where to send the browser, and what to keep until it returns.
    #[must_use]
    pub fn start(&self) -> Start {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let nonce = random_token();
        let (url, state) = self
            .client
            .authorize_url(CsrfToken::new_random)
            .add_scope(Scope::new("openid".into()))
            .add_extra_param("nonce", nonce.clone())
            .set_pkce_challenge(challenge)
            .url();
        Start {
            url: url.to_string(),
            state: state.secret().clone(),
            attempt: archive::LoginAttempt {
                nonce,
                pkce_verifier: verifier.secret().clone(),
            },
        }
    }

    /// Exchanges the code and checks the ID token; the identity code it carries.
    ///
    /// # Errors
    /// When the exchange fails or the ID token does not hold.
    pub async fn finish(
        &self,
        code: String,
        attempt: archive::LoginAttempt,
    ) -> Result<Hetu, OidcError> {
        let token = self
            .client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|_| OidcError::Exchange)?;
        self.verify(&token.extra_fields().id_token, &attempt.nonce)
            .await
    }

    async fn keys(&self, refresh: bool) -> Result<Arc<JwkSet>, OidcError> {
        if !refresh {
            if let Some(keys) = self.jwks.read().await.clone() {
                return Ok(keys);
            }
        }
        let unreadable = |_| OidcError::Metadata("the provider's keys could not be read");
        let body = self
            .http
            .get(&self.jwks_uri)
            .send()
            .await
            .map_err(unreadable)?
            .bytes()
            .await
            .map_err(unreadable)?;
        let keys: JwkSet = serde_json::from_slice(&body)
            .map_err(|_| OidcError::Metadata("the provider's keys could not be read"))?;
        let keys = Arc::new(keys);
        *self.jwks.write().await = Some(keys.clone());
        Ok(keys)
    }

    /// A JWT from this provider checked: an accepted asymmetric algorithm, the
    /// signature by the provider's keys (fetched again once for an unknown key id),
    /// the issuer, `audience`, expiry (a minute's leeway) and the claims every token
    /// must have. Its claims; a refusal names what failed, never the token.
    async fn claims(
        &self,
        token: &str,
        audience: &str,
        refused: fn(&'static str) -> OidcError,
    ) -> Result<serde_json::Map<String, serde_json::Value>, OidcError> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|_| refused("malformed or unsigned"))?;
        if !ACCEPTED.contains(&header.alg) {
            return Err(refused("unexpected signing algorithm"));
        }
        let kid = header.kid.ok_or(refused("no key id"))?;
        let mut keys = self.keys(false).await?;
        if keys.find(&kid).is_none() {
            // The provider may have rotated its keys.
            keys = self.keys(true).await?;
        }
        let jwk = keys.find(&kid).ok_or(refused("unknown key"))?;
        let key = DecodingKey::from_jwk(jwk).map_err(|_| refused("unusable key"))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 60;
        jsonwebtoken::decode::<serde_json::Map<String, serde_json::Value>>(token, &key, &validation)
            .map(|data| data.claims)
            .map_err(|e| {
                use jsonwebtoken::errors::ErrorKind as K;
                refused(match e.kind() {
                    K::ExpiredSignature => "expired",
                    K::InvalidIssuer => "wrong issuer",
                    K::InvalidAudience => "wrong audience",
                    K::InvalidSignature => "bad signature",
                    _ => "invalid",
                })
            })
    }

    async fn verify(&self, id_token: &str, nonce: &str) -> Result<Hetu, OidcError> {
        let claims = self
            .claims(id_token, &self.config.client_id, OidcError::IdToken)
            .await?;
        if claims.get("nonce").and_then(|n| n.as_str()) != Some(nonce) || nonce.is_empty() {
            return Err(OidcError::IdToken("nonce mismatch"));
        }
        let hetu = claims
            .get(&self.config.hetu_claim)
            .and_then(|v| v.as_str())
            .ok_or(OidcError::IdToken("no identity code claim"))?;
        Hetu::parse(hetu).map_err(|_| OidcError::IdToken("invalid identity code"))
    }

    /// An app's bearer access token (a JWT, RFC 9068) checked as an ID token is
    /// ([`Oidc::claims`]), for `audience` (this service's FHIR base): whose it is (the
    /// identity code claim), which app holds it (`client_id`, else `azp`), and its
    /// scopes.
    ///
    /// # Errors
    /// `AccessToken` with what failed.
    pub async fn verify_access_token(
        &self,
        token: &str,
        audience: &str,
    ) -> Result<AccessToken, OidcError> {
        let claims = self.claims(token, audience, OidcError::AccessToken).await?;
        let text = |name: &str| claims.get(name).and_then(|v| v.as_str());
        let hetu = text(&self.config.hetu_claim)
            .ok_or(OidcError::AccessToken("no identity code claim"))?;
        let hetu =
            Hetu::parse(hetu).map_err(|_| OidcError::AccessToken("invalid identity code"))?;
        let client_id = text("client_id")
            .or_else(|| text("azp"))
            .ok_or(OidcError::AccessToken("no client id"))?
            .to_owned();
        Ok(AccessToken {
            hetu,
            client_id,
            scopes: archive::model::AppScopes::of_claim(text("scope").unwrap_or_default()),
        })
    }

    /// The provider's endpoints, as `/.well-known/smart-configuration` names them.
    #[must_use]
    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            issuer: self.issuer.clone(),
            jwks_uri: self.jwks_uri.clone(),
            authorization_endpoint: self.client.auth_uri().url().to_string(),
            token_endpoint: self.client.token_uri().url().to_string(),
        }
    }
}

/// An app's access token, checked.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub hetu: Hetu,
    pub client_id: String,
    pub scopes: archive::model::AppScopes,
}

/// Where an app finds the provider.
#[derive(Debug, Clone)]
pub struct Endpoints {
    pub issuer: String,
    pub jwks_uri: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
}

//! The OmaKanta web server. [`build`] assembles the axum router; [`run`] serves it on a
//! listener, so tests can start the real application on a random port.

mod calendar;
pub mod config;
mod disclosure_csv;
mod download;
mod everything;
pub mod feedback;
pub mod fhir;
mod forms;
pub mod import_fhir;
pub mod limits;
pub mod oidc;
mod patient_summary;
pub mod provider_query;
mod session;

use std::sync::Arc;

use app::ssr::Authenticated;
use app::{shell, App, SiteMode};
use archive::{Archive, SessionLimits};
use axum::body::Body;
use axum::extract::{FromRef, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;

pub use config::{Config, Environment};

/// What every handler may need.
#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub archive: Archive,
    pub config: Arc<Config>,
    pub session_limits: SessionLimits,
    pub oidc: Option<Arc<oidc::Oidc>>,
    /// The identity provider's origin, where the sign-in form's redirect goes.
    pub sign_in_origin: Option<String>,
    pub rate_limits: Arc<limits::Limits>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    fn mode(&self) -> SiteMode {
        SiteMode {
            dev_sign_in: self.config.dev_sign_in(),
            idle_seconds: self.session_limits.idle.whole_seconds(),
            warn_seconds: i64::from(self.config.session_warn_seconds),
        }
    }

    /// The context server functions and pages read: the archive and the site mode.
    pub(crate) fn provide(&self) {
        provide_context(self.archive.clone());
        provide_context(self.mode());
    }
}

/// Opens the archive (migrating it) and, when configured, fills it with demo data.
///
/// # Errors
/// When the database cannot be opened, migrated or filled.
pub async fn open_archive(config: &Config) -> Result<Archive, archive::ArchiveError> {
    let archive =
        Archive::open(&config.database_url, Arc::new(archive::clock::SystemClock)).await?;
    if config.demo_data {
        let report = archive::demo::load_demo(&archive).await?;
        let readings = archive::demo::load_wellbeing(&archive, &phr::KantaPhr).await?;
        if report.persons > 0 {
            tracing::info!(
                persons = report.persons,
                documents = report.documents,
                readings,
                "demo data loaded"
            );
        }
    }
    Ok(archive)
}

/// Discovers the identity provider, when one is configured.
///
/// # Errors
/// When its metadata cannot be read or used.
pub async fn discover_oidc(config: &Config) -> Result<Option<Arc<oidc::Oidc>>, oidc::OidcError> {
    match config.oidc() {
        Some(c) => Ok(Some(Arc::new(oidc::Oidc::discover(c).await?))),
        None => Ok(None),
    }
}

/// The whole application as a router.
pub fn build(config: Config, archive: Archive, oidc: Option<Arc<oidc::Oidc>>) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("omakanta")
        .site_root(config.site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .hash_files(assets_are_hashed())
        .build();
    let rate_limits = Arc::new(if config.shared_limits {
        limits::Limits::shared(config.allowances)
    } else {
        limits::Limits::new(config.allowances)
    });
    let session_limits = SessionLimits {
        idle: time::Duration::seconds(i64::from(config.session_idle_seconds)),
        ..SessionLimits::default()
    };
    let state = AppState {
        leptos_options: leptos_options.clone(),
        archive,
        config: Arc::new(config),
        session_limits,
        rate_limits,
        sign_in_origin: oidc.as_ref().and_then(|o| o.authorization_origin()),
        oidc,
    };
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let fallback_state = state.clone();
    let shell_options = leptos_options.clone();
    let pages = everything::routes(patient_summary::routes(disclosure_csv::routes(
        calendar::routes(forms::routes(Router::new())),
    )))
    .route("/dev/sign-in", post(session::dev_sign_in))
    .route("/auth/start", post(session::auth_start))
    .route("/auth/callback", get(session::auth_callback))
    .route("/sign-out", post(session::sign_out))
    .route("/language", post(session::set_language))
    .route("/session/extend", post(session::extend))
    .route("/acting-for", post(session::act_for))
    .leptos_routes_with_context(
        &state,
        routes,
        move || context_state.provide(),
        move || shell(shell_options.clone()),
    )
    // A page that does not exist renders in the same context as every other (the
    // archive, the site's mode), so its frame knows who is signed in.
    .fallback(leptos_axum::file_and_error_handler_with_context::<
        AppState,
        _,
    >(move || fallback_state.provide(), shell))
    .layer(middleware::from_fn_with_state(
        state.clone(),
        limits::enforce,
    ))
    .layer(middleware::from_fn(api_needs_session))
    .layer(middleware::from_fn_with_state(
        state.clone(),
        session::resolve,
    ))
    .layer(middleware::from_fn(same_origin_posts))
    .layer(middleware::from_fn_with_state(
        state.clone(),
        security_headers,
    ))
    .layer(tower_http::compression::CompressionLayer::new())
    .with_state(state.clone());
    // The FHIR interface is for apps: outside the pages' layers (no session from a
    // cookie, no same-origin rule for forms), with a bearer token of its own.
    let fhir = fhir::routes()
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        )
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state.clone());
    static_assets(&state).merge(fhir).merge(pages)
}

/// The hash file cargo-leptos writes beside the server binary when it names the
/// assets by their hashes (Leptos reads the names from it).
fn hash_file() -> Option<std::path::PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .filter(|file| file.exists())
}

/// Whether the build named the assets by their hashes.
fn assets_are_hashed() -> bool {
    hash_file().is_some()
}

/// A page the server writes itself (the rate limit's, a download's refusal): a
/// heading, a paragraph and the way back to the front page, in `lang`, with the
/// site's stylesheet; every text escaped.
#[must_use]
pub fn plain_page(
    lang: app::i18n::Lang,
    status: axum::http::StatusCode,
    title: &str,
    text: &str,
) -> axum::response::Response {
    use app::i18n::LangExt as _;
    use axum::response::IntoResponse as _;
    let escape = app::ui::chart::escape;
    let page = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head><body><main class=\"mx-auto max-w-5xl px-4 py-6\"><h1 class=\"mb-4 text-3xl font-bold\">{title}</h1><p>{text}</p><p class=\"mt-4\"><a href=\"/\">{back}</a></p></main></body></html>",
        code = lang.code(),
        css = stylesheet_href(),
        title = escape(title),
        text = escape(text),
        back = escape(&lang.tr("back-to-front-page")),
    );
    (status, axum::response::Html(page)).into_response()
}

/// The stylesheet's address, for pages the server writes itself (the rate limit's).
#[must_use]
pub fn stylesheet_href() -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let hash = hash_file()
            .and_then(|file| std::fs::read_to_string(file).ok())
            .and_then(|text| {
                text.lines().find_map(|line| {
                    let (kind, hash) = line.split_once(':')?;
                    (kind.trim() == "css").then(|| hash.trim().to_owned())
                })
            });
        match hash {
            Some(hash) => format!("/pkg/omakanta.{hash}.css"),
            None => "/pkg/omakanta.css".to_owned(),
        }
    })
}

/// The built assets under `/pkg`: served straight from disk, before any session or
/// database work, as brotli or gzip made at build time when the browser takes it (or
/// compressed here when the build made none), and kept by browsers for a year: their
/// names carry their content's hash.
fn static_assets(state: &AppState) -> Router {
    use tower_http::services::ServeDir;
    use tower_http::set_header::SetResponseHeaderLayer;
    let root = std::path::Path::new(&state.config.site_root);
    let pkg = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(root.join("pkg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::map_response(|res: Response| async move {
            cache_for(res, "public, max-age=31536000, immutable")
        }));
    pkg.layer(tower_http::compression::CompressionLayer::new())
        .merge(icon(root.join("favicon.svg")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// The icon, asked for by every first visit: read once and answered from memory (no
/// file system work, no compression of its 200 bytes), with an `ETag` for a browser's
/// revalidation. It keeps its name from build to build, so it is kept for a day. Read
/// when first asked for, so a site root filled after start-up serves it.
fn icon(path: std::path::PathBuf) -> Router {
    use axum::body::Bytes;
    use axum::http::HeaderMap;
    use std::hash::{Hash, Hasher};
    let loaded: Arc<std::sync::OnceLock<(Bytes, HeaderValue)>> = Arc::default();
    let answer = move |headers: HeaderMap| {
        let (path, loaded) = (path.clone(), Arc::clone(&loaded));
        async move {
            let icon = match loaded.get() {
                Some(icon) => Some(icon),
                None => tokio::fs::read(&path).await.ok().map(|bytes| {
                    let mut hasher = std::hash::DefaultHasher::new();
                    bytes.hash(&mut hasher);
                    let tag = HeaderValue::from_str(&format!("\"{:016x}\"", hasher.finish()))
                        .unwrap_or(HeaderValue::from_static("\"icon\""));
                    loaded.get_or_init(|| (Bytes::from(bytes), tag))
                }),
            };
            let Some((body, tag)) = icon else {
                return cache_for(StatusCode::NOT_FOUND.into_response(), "");
            };
            let fresh = headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|seen| seen.as_bytes() == tag.as_bytes());
            let res = if fresh {
                StatusCode::NOT_MODIFIED.into_response()
            } else {
                (
                    [(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("image/svg+xml"),
                    )],
                    body.clone(),
                )
                    .into_response()
            };
            let mut res = cache_for(res, "public, max-age=86400");
            res.headers_mut().insert(header::ETAG, tag.clone());
            res
        }
    };
    Router::new().route("/favicon.svg", get(answer))
}

/// Lets browsers keep a static file as `policy` says, when it exists (or is answered
/// "not modified"): a missing one may appear with the next build.
fn cache_for(mut res: Response, policy: &'static str) -> Response {
    let keep = if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        policy
    } else {
        "no-store"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(keep));
    res
}

/// Server functions refuse a request without a session before doing any work.
async fn api_needs_session(req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/")
        && !is_public_server_fn(path)
        && req.extensions().get::<Authenticated>().is_none()
    {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    next.run(req).await
}

/// Server functions that answer without a session.
fn is_public_server_fn(path: &str) -> bool {
    matches!(
        path,
        "/api/whoami" | "/api/demo-persons" | "/api/accessibility-feedback"
    )
}

/// Refuses a state-changing request unless the browser says it comes from this site:
/// `Sec-Fetch-Site: same-origin`, or else an `Origin` naming this host. A request with
/// neither is refused too (every browser sends one of them on a POST).
async fn same_origin_posts(req: Request<Body>, next: Next) -> Response {
    if req.method() != http::Method::GET && req.method() != http::Method::HEAD {
        let headers = req.headers();
        let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin_host = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .map(|origin| {
                origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"))
                    .unwrap_or("")
            });
        let same = match fetch_site {
            Some(site) => site == "same-origin" && origin_host.is_none_or(|o| Some(o) == host),
            None => origin_host.is_some() && origin_host == host,
        };
        if !same {
            return (StatusCode::FORBIDDEN, "cross-origin request refused").into_response();
        }
    }
    next.run(req).await
}

/// Headers every response carries, error pages and redirects included.
async fn security_headers(
    State(state): State<AppState>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let is_asset = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let nonce = h
        .remove(app::NONCE_HEADER)
        .and_then(|v| v.to_str().ok().map(str::to_owned));
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(
        nonce.as_deref(),
        state.sign_in_origin.as_deref(),
    )) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// The Content-Security-Policy: scripts only by this response's nonce (and what they
/// load), wasm allowed to compile, nothing inline otherwise, no framing, no plugins, no
/// `<base>`. Forms post to this site, and the sign-in form's redirect may go to the
/// identity provider.
#[must_use]
pub fn content_security_policy(nonce: Option<&str>, sign_in_origin: Option<&str>) -> String {
    let scripts = match nonce {
        Some(n) => format!("'nonce-{n}' 'strict-dynamic' 'wasm-unsafe-eval'"),
        None => "'none'".to_owned(),
    };
    let form_action = match sign_in_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action {form_action}"
    )
}

/// Serves the application on `listener` until the process ends.
///
/// # Errors
/// When the server fails.
pub async fn run(
    listener: TcpListener,
    config: Config,
    archive: Archive,
    oidc: Option<Arc<oidc::Oidc>>,
) -> std::io::Result<()> {
    if let Some(seconds) = config.renewal_desk_seconds {
        spawn_renewal_desk(archive.clone(), time::Duration::seconds(i64::from(seconds)));
    }
    let router = build(config, archive, oidc);
    // Responses written in more than one piece must not wait for the peer's delayed
    // acknowledgement (Nagle's algorithm costs every such response about 40 ms).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
}

/// Logs what a round of the renewal desk did (counts only).
pub fn log_desk_report(report: &archive::prescriptions::desk::DeskReport) {
    tracing::info!(
        started = report.started,
        renewed = report.renewed,
        rejected = report.rejected,
        expired = report.expired,
        "renewal desk"
    );
}

/// Runs the demo's renewal desk in the background: every quarter of `pace` (at least
/// every 250 ms), it moves each renewal request on by a step that is due.
pub fn spawn_renewal_desk(archive: Archive, pace: time::Duration) {
    let tick = std::time::Duration::from_millis(
        u64::try_from((pace.whole_milliseconds() / 4).max(250)).unwrap_or(250),
    );
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(tick);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match archive.process_renewals(pace).await {
                Ok(report) if report != archive::prescriptions::desk::DeskReport::default() => {
                    log_desk_report(&report);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "renewal desk round failed"),
            }
        }
    });
}

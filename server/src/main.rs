//! `omakanta`: serves the app, or loads generated persons for scale tests.
//!
//! ```text
//! omakanta                          serve on OMAKANTA_ADDR (default 127.0.0.1:3000)
//! omakanta load-persons N [SEED]    add N generated persons to OMAKANTA_DATABASE_URL
//! omakanta demo-identities          print the demo persons' test identity codes (development only)
//! omakanta import-relations FILE    add guardianships and mandates (format: archive/src/relations.rs)
//! omakanta import-fhir [--person HETU] FILE...
//!                                   keep HL7 IPS documents as their persons' data (server/src/import_fhir.rs)
//! omakanta feedback [DAYS]          list the accessibility feedback of the last DAYS days (30)
//! omakanta provider-query ARGS      a care organisation's query (server/src/provider_query.rs)
//! ```

use std::process::ExitCode;

use server::Config;

/// mimalloc rather than the system's allocator: a page's rendering and its compression
/// allocate and free many short-lived buffers on both worker threads, where glibc's
/// malloc spent a fifth of the server's time (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot start");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("serve") => serve(config).await,
        Some("load-persons") => load_persons(config, &args[1..]).await,
        Some("demo-identities") => demo_identities(config).await,
        Some("import-relations") => import_relations(config, &args[1..]).await,
        Some("import-fhir") => match open_plain(&config).await {
            Some(archive) => server::import_fhir::run(&archive, &args[1..]).await,
            None => ExitCode::FAILURE,
        },
        Some("process-renewals") => process_renewals(config, &args[1..]).await,
        Some("feedback") => feedback(config, &args[1..]).await,
        Some("provider-query") => provider_query(config, &args[1..]).await,
        Some(_) => {
            tracing::error!(
                "usage: omakanta [serve | load-persons N [SEED] | demo-identities | import-relations FILE | import-fhir [--person HETU] FILE... | process-renewals [SECONDS] | feedback [DAYS] | provider-query ARGS]"
            );
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> ExitCode {
    let archive = match server::open_archive(&config).await {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, "cannot open the archive");
            return ExitCode::FAILURE;
        }
    };
    let oidc = match server::discover_oidc(&config).await {
        Ok(o) => o,
        Err(e) => {
            tracing::error!(error = %e, "cannot reach the identity provider");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.site_addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, addr = %config.site_addr, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(addr = %config.site_addr, dev_sign_in = config.dev_sign_in(), "OmaKanta listening on http://{}", config.site_addr);
    match server::run(listener, config, archive, oidc).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "server stopped");
            ExitCode::FAILURE
        }
    }
}

async fn load_persons(config: Config, args: &[String]) -> ExitCode {
    let Some(count) = args.first().and_then(|n| n.parse::<u32>().ok()) else {
        tracing::error!("usage: omakanta load-persons N [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    let started = std::time::Instant::now();
    match archive::demo::load_generated(&archive, count, seed).await {
        Ok(report) => {
            tracing::info!(
                persons = report.persons,
                documents = report.documents,
                seconds = started.elapsed().as_secs_f64(),
                "loaded"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "loading failed");
            ExitCode::FAILURE
        }
    }
}

/// Prints `id<TAB>identity code` of each demo person: test identities only, and never
/// in production. The test identity provider signs people in with these.
#[allow(clippy::print_stdout)]
async fn demo_identities(config: Config) -> ExitCode {
    if config.environment != server::Environment::Development {
        tracing::error!("demo identities exist only in development");
        return ExitCode::FAILURE;
    }
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    match archive.demo_identities().await {
        Ok(list) => {
            for (id, hetu) in list {
                println!("{id}\t{}", hetu.as_str());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot read the demo persons");
            ExitCode::FAILURE
        }
    }
}

/// Prints the report on standard output: that is the command's purpose.
async fn feedback(config: Config, args: &[String]) -> ExitCode {
    let days: i64 = match args.first().map(|d| d.parse()) {
        None => 30,
        Some(Ok(d)) if d > 0 => d,
        Some(_) => {
            tracing::error!("usage: omakanta feedback [DAYS], DAYS a positive number");
            return ExitCode::FAILURE;
        }
    };
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    let since = time::OffsetDateTime::now_utc() - time::Duration::days(days);
    let since_ms = i64::try_from(since.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    let stdout = std::io::stdout();
    match server::feedback::list(
        &archive,
        since_ms,
        server::feedback::PAGE,
        &mut stdout.lock(),
    )
    .await
    {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "cannot list the feedback");
            ExitCode::FAILURE
        }
    }
}

/// A care organisation's query: the identity code from standard input, the answer as
/// JSON on standard output (the command's purpose).
async fn provider_query(config: Config, args: &[String]) -> ExitCode {
    if let Err(e) = server::provider_query::parse(args) {
        tracing::error!("{e}");
        return ExitCode::FAILURE;
    }
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match server::provider_query::run(&archive, args, &mut stdin.lock(), &mut stdout.lock()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "the query was not answered");
            ExitCode::FAILURE
        }
    }
}

/// The archive without demo data, for the command-line tools.
async fn open_plain(config: &Config) -> Option<archive::Archive> {
    archive::Archive::open(
        &config.database_url,
        std::sync::Arc::new(archive::clock::SystemClock),
    )
    .await
    .map_err(|e| tracing::error!(error = %e, "cannot open the archive"))
    .ok()
}

/// Adds the guardianships and mandates in a file, all or none.
async fn import_relations(config: Config, args: &[String]) -> ExitCode {
    let Some(path) = args.first() else {
        tracing::error!("usage: omakanta import-relations FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the file");
            return ExitCode::FAILURE;
        }
    };
    let relations = match archive::relations::parse(&text) {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "the file is not valid; nothing was imported");
            return ExitCode::FAILURE;
        }
    };
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    match archive.import_relations(&relations).await {
        Ok(added) => {
            tracing::info!(added, "relations imported");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "import failed; nothing was imported");
            ExitCode::FAILURE
        }
    }
}

/// One round of the demo's renewal desk: each request waiting at least SECONDS (0 when
/// not given) moves on one step. Development only.
async fn process_renewals(config: Config, args: &[String]) -> ExitCode {
    if config.environment != server::Environment::Development {
        tracing::error!("the renewal desk is the demo's: care units answer real requests");
        return ExitCode::FAILURE;
    }
    let seconds = match args.first().map(|s| s.parse::<i64>()) {
        None => 0,
        Some(Ok(n)) if n >= 0 => n,
        Some(_) => {
            tracing::error!("usage: omakanta process-renewals [SECONDS]");
            return ExitCode::FAILURE;
        }
    };
    let Some(archive) = open_plain(&config).await else {
        return ExitCode::FAILURE;
    };
    match archive
        .process_renewals(time::Duration::seconds(seconds))
        .await
    {
        Ok(report) => {
            server::log_desk_report(&report);
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "renewal desk failed");
            ExitCode::FAILURE
        }
    }
}

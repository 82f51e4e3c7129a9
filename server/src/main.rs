mod commands;

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, sync::Arc};

use clap::Parser;
use inquiry_server::{
    blobs::Blobs,
    config::{Config, CorsPolicy, Secret},
    identity::{self, ClaimMap, Identity, JwtConfig, JwtVerifier, KeySource},
    notify::SmtpSender,
    seed,
    store::Store,
    throttle::RateLimits,
    Server,
};

/// Every request allocates (rows, JSON, compression buffers) on both worker threads; glibc's
/// allocator took a sixth of the server's CPU under load, mimalloc's thread-local heaps far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Reference implementation of the inquiry-desk 1:1 inquiry API (axum + SQLite or PostgreSQL).
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<commands::Command>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// SQLite database file (created if missing; migrations applied on start). Not used with
    /// `--database-url`.
    #[arg(long, default_value = "./data/inquiry-desk.db")]
    db: PathBuf,
    /// PostgreSQL instead of SQLite: `postgres://USER[:PASS]@HOST:PORT/DB` (libpq URL; also
    /// `?sslmode=…`, `?host=/run/postgresql` for a socket). Migrations are applied on start
    /// under an advisory lock, so instances started together migrate once.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Connections each instance keeps to PostgreSQL at most.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 16)]
    database_pool_size: u32,
    /// Directory for uploaded photos and generated goods images (default: next to the database).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Where photos and goods images live: `s3://BUCKET[/PREFIX]` (S3-compatible; configured by
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL, AWS_ALLOW_HTTP),
    /// or a directory. Default: `--data-dir`.
    #[arg(long, env = "INQUIRY_PHOTO_STORE")]
    photo_store: Option<String>,
    /// Fill an empty database: `demo` (3 members, about 200 inquiries) or `bench` (the demo plus
    /// 1,000 members with `bench-member-N` tokens and about 102,000 inquiries, for load tests).
    /// A database that already has members is left alone.
    #[arg(long, value_parser = ["demo", "bench"])]
    seed: Option<String>,
    /// Serve a built SPA from this directory at `/` (index.html for client routes).
    #[arg(long = "static")]
    static_dir: Option<PathBuf>,
    /// Allowed CORS origin (repeatable). Default: loopback origins on any port.
    #[arg(long = "cors-origin")]
    cors_origins: Vec<String>,
    /// Serve the built counselor console from this directory at `/console/`.
    #[arg(long = "console")]
    console_dir: Option<PathBuf>,
    /// Send answer e-mails through this SMTP server (lettre URL: `smtp://host:25`,
    /// `smtp://user:pass@host:587?tls=required`, `smtps://user:pass@host:465`). Without it,
    /// notifications are written to the log.
    #[arg(long, env = "INQUIRY_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Hours a seller has to answer or confirm a transfer (이관) before it closes.
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=720))]
    transfer_hours: u32,
    /// Hours an Idempotency-Key is remembered (a retry within them replays the registration).
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=720))]
    idempotency_hours: u32,
    /// Writes (register, modify, delete) a member may send per minute; 0 for no limit.
    #[arg(long, default_value_t = RateLimits::DEFAULT_WRITES_PER_MINUTE)]
    writes_per_minute: u32,
    /// Photo downloads a member may make per minute; 0 for no limit.
    #[arg(long, default_value_t = RateLimits::DEFAULT_PHOTO_DOWNLOADS_PER_MINUTE)]
    photo_downloads_per_minute: u32,
    /// Seconds a notification send may take before it counts as failed (and is retried). An
    /// instance claims a batch of notifications for nine times this: one whose instance died is
    /// sent by another after that.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    notify_send_timeout: u64,
    /// Sender of answer e-mails.
    #[arg(
        long,
        env = "INQUIRY_MAIL_FROM",
        default_value = "하루마켓 고객센터 <cs@example.com>"
    )]
    mail_from: String,
    /// Trust the store's JWTs, verified with the keys at this JWKS URL (RS256, ES256; refetched
    /// on an unknown key id at most once a minute).
    #[arg(long, env = "INQUIRY_JWKS_URL", conflicts_with = "jwt_secret")]
    jwks_url: Option<String>,
    /// Trust the store's HS256 JWTs, signed with this shared secret.
    #[arg(long, env = "INQUIRY_JWT_SECRET", hide_env_values = true)]
    jwt_secret: Option<Secret>,
    /// The `iss` the store's tokens must carry.
    #[arg(long, env = "INQUIRY_JWT_ISSUER")]
    jwt_issuer: Option<String>,
    /// The `aud` the store's tokens must carry.
    #[arg(long, env = "INQUIRY_JWT_AUDIENCE")]
    jwt_audience: Option<String>,
    /// The claim holding the member's (or counselor's) number.
    #[arg(long, default_value = "sub")]
    jwt_member_claim: String,
    /// The claim holding their name.
    #[arg(long, default_value = "name")]
    jwt_name_claim: String,
    /// The claim holding roles (a dotted path reaches into objects: `realm_access.roles`);
    /// `counselor` or `manager` there makes a counselor.
    #[arg(long, default_value = "roles")]
    jwt_roles_claim: String,
    /// Seconds of clock skew allowed on `exp` and `nbf`.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(0..=300))]
    jwt_leeway_secs: u64,
    /// Accept the demo's tokens (its opaque tokens and the JWTs of its own demo issuer, whose
    /// keys are at /demo/jwks.json). Default: on with `--seed`, off otherwise.
    #[arg(long, conflicts_with = "no_demo_tokens")]
    demo_tokens: bool,
    /// Refuse the demo's tokens even with `--seed`.
    #[arg(long)]
    no_demo_tokens: bool,
    /// The integration API's key (`Authorization: Bearer <key>` on /api/integration/v1/);
    /// without it that API is off.
    #[arg(long, env = "INQUIRY_INTEGRATION_KEY", hide_env_values = true)]
    integration_key: Option<Secret>,
    /// Serve Prometheus `/metrics` on this address instead of the API's.
    #[arg(long, env = "INQUIRY_METRICS_ADDR")]
    metrics_addr: Option<SocketAddr>,
    #[command(flatten)]
    retention: commands::RetentionArgs,
    /// Minutes between this instance's retention purges (0: never; `purge` runs one).
    #[arg(long, env = "INQUIRY_PURGE_EVERY_MINS", default_value_t = 60)]
    purge_every_mins: u64,
    /// The header a proxy or load balancer in front puts the client's address in
    /// (`X-Forwarded-For`, `X-Real-IP`): the access log records its rightmost value. Without
    /// it, the peer's address. Set it only when every request passes that proxy.
    #[arg(long, env = "INQUIRY_CLIENT_IP_HEADER")]
    client_ip_header: Option<axum::http::HeaderName>,
    /// The monthly review flags a person whose detail views on one day exceed this.
    #[arg(long, default_value_t = 200)]
    review_daily_views: u64,
    #[command(flatten)]
    calendar: inquiry_server::calendar::CalendarArgs,
    #[command(flatten)]
    nhn: inquiry_server::notify::nhn::NhnArgs,
    /// Log lines as text (default) or one JSON object each, for a log collector.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
}

/// The token sources the flags ask for.
fn identity(args: &Args) -> Result<Identity, String> {
    let keys = match (&args.jwks_url, &args.jwt_secret) {
        (Some(url), _) => Some(KeySource::Jwks(identity::jwks::Jwks::remote(url)?)),
        (None, Some(secret)) if secret.expose().len() < 32 => {
            return Err("--jwt-secret must be at least 32 bytes (HS256)".into())
        }
        (None, Some(secret)) => Some(KeySource::Hs256(secret.expose().as_bytes().to_vec())),
        (None, None) => None,
    };
    let store = keys.map(|keys| {
        let mut c = JwtConfig::new(keys);
        c.issuer = args.jwt_issuer.clone();
        c.audience = args.jwt_audience.clone();
        c.claims = ClaimMap {
            subject: args.jwt_member_claim.clone(),
            name: args.jwt_name_claim.clone(),
            roles: args.jwt_roles_claim.clone(),
        };
        c.leeway = std::time::Duration::from_secs(args.jwt_leeway_secs);
        JwtVerifier::new(c)
    });
    let demo = (args.demo_tokens || (args.seed.is_some() && !args.no_demo_tokens))
        .then(identity::demo::DemoIssuer::generate);
    if store.is_none() && demo.is_none() {
        tracing::warn!("no token source: give --jwks-url or --jwt-secret (or --demo-tokens)");
    }
    Ok(Identity::new(store, demo))
}

fn main() -> ExitCode {
    let mut args = Args::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "inquiry_server=info,tower_http=info".into());
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    if args.log_format == "json" {
        logs.json().flatten_event(true).init();
    } else {
        logs.init();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let outcome = match args.command.take() {
        Some(command) => runtime.block_on(commands::run(command)),
        None => runtime.block_on(run(args)),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("inquiry-server: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let data_dir = args.data_dir.clone().unwrap_or_else(|| {
        args.db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."))
    });
    let mut config = Config::new(data_dir);
    config.identity = Arc::new(identity(&args)?);
    config.integration_key = args.integration_key.clone();
    config.metrics_addr = args.metrics_addr;
    config.retention = args.retention.policy(
        (args.purge_every_mins > 0)
            .then(|| std::time::Duration::from_secs(args.purge_every_mins * 60)),
    );
    config.client_ip_header = args.client_ip_header.clone();
    config.review_daily_views = args.review_daily_views;
    config.calendar = args.calendar.calendar(config.store_offset)?;
    config.transfer_deadline = chrono::Duration::hours(i64::from(args.transfer_hours));
    config.idempotency_ttl = chrono::Duration::hours(i64::from(args.idempotency_hours));
    config.rate_limits = RateLimits {
        writes_per_minute: std::num::NonZeroU32::new(args.writes_per_minute),
        photo_downloads_per_minute: std::num::NonZeroU32::new(args.photo_downloads_per_minute),
    };
    if let Some(dir) = &args.static_dir {
        if !dir.join("index.html").is_file() {
            return Err(format!(
                "--static {}: no index.html there (build the SPA first)",
                dir.display()
            ));
        }
        config.static_dir = Some(dir.clone());
    }
    if let Some(dir) = &args.console_dir {
        if !dir.join("index.html").is_file() {
            return Err(format!(
                "--console {}: no index.html there (build the console first)",
                dir.display()
            ));
        }
        config.console_dir = Some(dir.clone());
    }
    config.notify.retry.send_timeout = std::time::Duration::from_secs(args.notify_send_timeout);
    if let Some(url) = &args.smtp_url {
        config.notify.senders.email = std::sync::Arc::new(SmtpSender::new(url, &args.mail_from)?);
    }
    args.nhn.install(&mut config.notify.senders)?;
    if !args.cors_origins.is_empty() {
        config.cors = CorsPolicy::List(args.cors_origins.clone());
    }
    let store = Store::open_with(
        args.database_url.as_deref(),
        &args.db,
        args.database_pool_size,
    )
    .await
    .map_err(|e| format!("cannot open the database: {e}"))?;
    let blobs = Blobs::open(args.photo_store.as_deref(), &config.data_dir)
        .map_err(|e| format!("cannot open the photo store: {e}"))?;
    if let Some(kind) = args.seed.as_deref() {
        let seeded = if kind == "bench" {
            seed::bench(&store, &blobs, &config).await
        } else {
            seed::demo(&store, &blobs, &config).await
        };
        match seeded.map_err(|e| format!("seeding failed: {e}"))? {
            seed::Outcome::Seeded(s) => tracing::info!(
                members = s.members,
                inquiries = s.inquiries,
                goods = s.goods,
                orders = s.orders,
                "seeded demo data"
            ),
            seed::Outcome::AlreadySeeded => {
                tracing::info!("database already has data; demo seed skipped")
            }
        }
    }
    // Inquiries received before deadlines were kept get theirs (once; nothing to do after).
    let dated = inquiry_server::desk::deadlines::backfill(&store, &config.calendar)
        .await
        .map_err(|e| format!("dating earlier inquiries: {e}"))?;
    if dated > 0 {
        tracing::info!(dated, "earlier inquiries given an answer-due time");
    }
    let config_senders = config.notify.senders.clone();
    let config_identity = config.identity.clone();
    let storage = format!(
        "{:?} database, photos in {}",
        store.engine(),
        blobs.describe()
    );
    let server = Server::bind(args.addr, store, blobs, config).await?;
    let addr = server.local_addr();
    println!("inquiry-server listening on http://{addr}/");
    println!("  Storage:    {storage}");
    if args.static_dir.is_some() {
        println!("  SPA:        http://{addr}/");
        println!("  Storefront: http://{addr}/shell/  (the SPA embedded in an example 마이페이지)");
    }
    if args.console_dir.is_some() {
        println!("  Console:    http://{addr}/console/  (counselors: 통합상담관리)");
    }
    println!("  API:        http://{addr}/api/order/v1/customerservice/getQuestionInit");
    println!(
        "  Notifications: e-mail via {}, SMS via {}",
        config_senders.email.describe(),
        config_senders.sms.describe()
    );
    if let Some(verifier) = &config_identity.store {
        println!(
            "  Members' tokens: the store's JWTs ({:?})",
            verifier.config().keys
        );
    }
    if config_identity.demo.is_some() {
        println!("  Demo JWTs: POST http://{addr}/demo/token {{\"account\": \"demo-member-1\"}}; keys at http://{addr}/demo/jwks.json");
        println!("  Demo tokens (Authorization: Bearer <token>):");
        for (token, who) in seed::DEMO_TOKENS {
            println!("    {token:<22} {who}");
        }
        println!(
            "  Demo sellers (seller API: {}/v5/vendors/<vendorId>/callCenterInquiries, CEA-signed):",
            inquiry_server::api::vendor::BASE
        );
        for (vendor_id, name, access, secret) in seed::DEMO_VENDORS {
            println!("    {vendor_id}  access-key {access}  secret-key {secret}  ({name})");
        }
        if args.seed.as_deref() == Some("bench") {
            println!(
                "    bench-member-1 … bench-member-{}  bench members B0001 … (load tests)",
                seed::BENCH_MEMBERS
            );
        }
    }
    server
        .run(shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"))
}

/// Ctrl-C, or SIGTERM from a process manager: stop accepting, finish in-flight requests.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}

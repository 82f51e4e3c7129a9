//! The commands beside `serve`: `import` (the first load of a catalog from JSON Lines),
//! `seller-keys` (issue, rotate, revoke, list a seller's key pairs), `forget-member` (a 회원
//! 탈퇴) and `purge` (the retention purge, once). They work on the database the server uses,
//! through the same code as the integration API and the server's own purge.

use std::{fs::File, io::BufReader, path::PathBuf};

use clap::{Args, Subcommand};
use inquiry_server::{
    audit::Actor,
    blobs::Blobs,
    feed::{self, keys, Kind},
    retention::{self, Policy},
    store::Store,
};

/// How long records are kept (`serve` and `purge` take these).
#[derive(Debug, Clone, Args)]
pub struct RetentionArgs {
    /// Days an inquiry is kept after its handling ended (its answer, or the customer's
    /// withdrawal), then purged with its photos. 전자상거래법 시행령 제6조: three years.
    #[arg(long, env = "INQUIRY_RETENTION_DAYS", default_value_t = 1095,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub retention_days: u32,
    /// Days an access-log entry is kept, then purged (at least a year; two once the store
    /// holds 50,000 people's data or more).
    #[arg(long, env = "INQUIRY_ACCESS_LOG_DAYS", default_value_t = 730,
          value_parser = clap::value_parser!(u32).range(365..))]
    pub access_log_days: u32,
}

impl RetentionArgs {
    pub fn policy(&self, every: Option<std::time::Duration>) -> Policy {
        Policy {
            inquiry_days: self.retention_days,
            access_log_days: self.access_log_days,
            every,
            ..Policy::default()
        }
    }
}

/// Where the database is (as `serve` takes it).
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// SQLite database file. Not used with `--database-url`.
    #[arg(long, default_value = "./data/inquiry-desk.db")]
    pub db: PathBuf,
    /// PostgreSQL instead of SQLite (as `serve`).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

impl StoreArgs {
    async fn open(&self) -> Result<Store, String> {
        Store::open(self.database_url.as_deref(), &self.db)
            .await
            .map_err(|e| format!("cannot open the database: {e}"))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Upsert members, goods, orders or sellers from a JSON Lines file (one item per line, the
    /// integration API's shape), in batches, with progress. Exits non-zero if any item was
    /// refused (each is listed with its line).
    Import {
        #[command(flatten)]
        store: StoreArgs,
        /// members, goods, orders or sellers.
        #[arg(value_parser = ["members", "goods", "orders", "sellers"])]
        kind: String,
        /// The JSON Lines file (`-` for standard input).
        file: PathBuf,
        /// Items per transaction (at most 1,000).
        #[arg(long, default_value_t = 1000)]
        batch: usize,
    },
    /// A seller's key pairs: `issue`, `rotate` (the current keys sign for --grace-hours more),
    /// `revoke --access-key K`, `list`. The secret is printed once, by issue and rotate.
    SellerKeys {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(value_parser = ["issue", "rotate", "revoke", "list"])]
        action: String,
        #[arg(long)]
        vendor_id: String,
        #[arg(long)]
        access_key: Option<String>,
        #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(0..=720))]
        grace_hours: u32,
    },
    /// A 회원 탈퇴: hides the member's name and contact in every record kept for the law
    /// (their inquiries stay until their retention ends) and forgets their sessions.
    ForgetMember {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        mbr_no: String,
    },
    /// Runs the retention purge once (a server runs it every `--purge-every-mins`): removes
    /// inquiries, their photos and access-log entries past their retention, and prints counts.
    Purge {
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        retention: RetentionArgs,
        /// The photo store, as `serve` takes it.
        #[arg(long, env = "INQUIRY_PHOTO_STORE")]
        photo_store: Option<String>,
        /// The local photo folder when no `--photo-store` is given (default: next to the database).
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

pub async fn run(command: Command) -> Result<(), String> {
    match command {
        Command::ForgetMember { store, mbr_no } => {
            let store = store.open().await?;
            let m = mbr_no.clone();
            let done = store
                .write(move |tx| retention::forget_member(tx, &m, &Actor::system("cli")))
                .await
                .map_err(|e| e.to_string())?;
            if done {
                println!("member {mbr_no}: name and contact removed from kept records");
                Ok(())
            } else {
                Err(format!("no member {mbr_no} (or they left before)"))
            }
        }
        Command::Purge {
            store,
            retention,
            photo_store,
            data_dir,
        } => {
            let dir = data_dir.unwrap_or_else(|| {
                store
                    .db
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(PathBuf::from)
                    .unwrap_or_else(|| PathBuf::from("."))
            });
            let db = store.open().await?;
            let blobs = Blobs::open(photo_store.as_deref(), &dir)
                .map_err(|e| format!("cannot open the photo store: {e}"))?;
            let policy = retention.policy(None);
            match retention::purge(&db, &blobs, &policy, chrono::Utc::now())
                .await
                .map_err(|e| e.to_string())?
            {
                Some(p) => {
                    println!(
                        "purged {} inquiries ({} photo objects) and {} access-log entries",
                        p.inquiries, p.photos, p.access_log
                    );
                    Ok(())
                }
                None => Err("another instance is purging now; try again later".to_owned()),
            }
        }
        Command::Import {
            store,
            kind,
            file,
            batch,
        } => {
            let store = store.open().await?;
            let kind = Kind::parse(&kind).expect("clap checked it");
            let input: Box<dyn std::io::BufRead> = if file.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(BufReader::new(
                    File::open(&file).map_err(|e| format!("{}: {e}", file.display()))?,
                ))
            };
            let done = feed::import::import(&store, kind, input, batch, |p| {
                eprintln!(
                    "  {} lines read, {} upserted, {} refused",
                    p.lines,
                    p.upserted,
                    p.rejected.len()
                );
            })
            .await?;
            store.analyze().await.map_err(|e| e.to_string())?;
            for (line, e) in &done.rejected {
                let reasons: Vec<String> = e
                    .errors
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect();
                eprintln!("line {line}: {}", reasons.join("; "));
            }
            println!(
                "imported {}: {} upserted, {} refused ({} lines)",
                file.display(),
                done.upserted,
                done.rejected.len(),
                done.lines
            );
            if done.rejected.is_empty() {
                Ok(())
            } else {
                Err(format!("{} items refused", done.rejected.len()))
            }
        }
        Command::SellerKeys {
            store,
            action,
            vendor_id,
            access_key,
            grace_hours,
        } => {
            let store = store.open().await?;
            let now = chrono::Utc::now();
            let v = vendor_id.clone();
            let out = match action.as_str() {
                "issue" | "rotate" => {
                    let grace = (action == "rotate")
                        .then(|| chrono::Duration::hours(i64::from(grace_hours)));
                    store
                        .write(move |tx| keys::issue(tx, &v, grace, now))
                        .await
                        .map_err(|e| e.to_string())?
                        .map(|k| serde_json::to_string_pretty(&k).expect("json"))
                }
                "revoke" => {
                    let key = access_key.ok_or("revoke needs --access-key")?;
                    store
                        .write(move |tx| keys::revoke(tx, &v, &key, now))
                        .await
                        .map_err(|e| e.to_string())?
                        .map(|()| "revoked".to_owned())
                }
                _ => store
                    .read(move |tx| keys::list(tx, &v))
                    .await
                    .map_err(|e| e.to_string())?
                    .map(|keys| format!("{keys:#?}")),
            };
            match out {
                Ok(text) => {
                    println!("{text}");
                    Ok(())
                }
                Err(keys::KeyRefusal::UnknownSeller) => Err(format!("no seller {vendor_id}")),
                Err(keys::KeyRefusal::UnknownKey) => {
                    Err(format!("{vendor_id} has no live key with that access key"))
                }
            }
        }
    }
}

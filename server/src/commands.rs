//! The commands beside `serve`: `import` (the first load of a catalog from JSON Lines) and
//! `seller-keys` (issue, rotate, revoke, list a seller's key pairs). Both work on the database
//! the server uses, through the same code as the integration API.

use std::{fs::File, io::BufReader, path::PathBuf};

use clap::{Args, Subcommand};
use inquiry_server::{
    feed::{self, keys, Kind},
    store::Store,
};

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
}

pub async fn run(command: Command) -> Result<(), String> {
    match command {
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

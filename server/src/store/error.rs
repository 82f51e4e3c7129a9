//! The store's own error: what went wrong below the rules, in words safe to log (never a
//! connection string or a password).

/// A failure of the storage engine or of reaching it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The engine refused or failed a statement.
    #[error("{engine}: {message}")]
    Engine {
        engine: &'static str,
        message: String,
    },
    /// No connection could be had (database down, pool exhausted for too long).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Applying the schema failed at start.
    #[error("migration {version} failed: {message}")]
    Migration { version: usize, message: String },
}

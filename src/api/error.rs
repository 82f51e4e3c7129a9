use crate::domain::Status;

/// A rule the server says was broken, tied to a form field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The SPA's name of the field (mapped from the wire name).
    pub field: String,
    /// Which one, for list fields: `atchFiles[2]` → `Some(2)`.
    pub index: Option<usize>,
    /// Stable rule code, e.g. `TOO_LONG`.
    pub code: String,
    /// The server's own (Korean) wording; the SPA words it by `code` in the customer's locale.
    pub message: String,
}

/// Everything that can go wrong talking to the API, in the terms a page needs to react.
/// `Display` is for developers (console, JS errors); customers read `I18n::api_error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, server down).
    #[error("network error: {0}")]
    Network(String),
    /// 401: the token is missing, expired or unknown.
    #[error("{0}")]
    Unauthorized(String),
    /// 404: unknown, or someone else's.
    #[error("{0}")]
    NotFound(String),
    /// 409: the inquiry's status no longer allows the change.
    #[error("{message}")]
    Conflict {
        message: String,
        status: Option<Status>,
    },
    /// 400 (and 413/415/422): the request broke rules; `errors` names them.
    #[error("{code}: {message}")]
    Validation {
        /// The envelope's code, e.g. `VALIDATION_FAILED`, `PAYLOAD_TOO_LARGE`.
        code: String,
        message: String,
        errors: Vec<FieldError>,
    },
    /// 5xx or anything unexpected from the server.
    #[error("{message}")]
    Server { status: u16, message: String },
    /// The server answered something this client can't read.
    #[error("unreadable response: {0}")]
    Decode(String),
}

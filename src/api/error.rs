use crate::domain::{form::Field, Status};

/// What a server field error is about, named once where the client reads the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorField {
    /// A field of the inquiry form (`ordNo` counts as the goods: one picker chooses both).
    Form(Field),
    /// `smsRcvYn` / `emailRcvYn`.
    Consent,
    /// `startDt` / `endDt` of a list.
    Period,
    /// `searchWord` of a list.
    Keyword,
    /// A name the SPA does not know (kept for the console).
    Other(String),
}

impl ErrorField {
    /// The SPA's field for a wire name: `ccnTitle` → title, `atchFiles[2]` → photos.
    pub fn from_wire(wire: &str) -> Self {
        let base = wire.split('[').next().unwrap_or(wire);
        match base {
            "cnslTypNo" => Self::Form(Field::Type),
            "ccnTitle" => Self::Form(Field::Title),
            "accpCont" => Self::Form(Field::Content),
            "goodsNo" | "itmNo" | "ordNo" => Self::Form(Field::Goods),
            "atchFiles" | "keepFileSeq" => Self::Form(Field::Photos),
            "smsRcvYn" | "emailRcvYn" => Self::Consent,
            "startDt" | "endDt" => Self::Period,
            "searchWord" => Self::Keyword,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The form field, if the error is about one.
    pub fn form(&self) -> Option<Field> {
        match self {
            Self::Form(f) => Some(*f),
            _ => None,
        }
    }
}

/// A rule the server says was broken, tied to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// What it is about (mapped from the wire name once, in the client).
    pub field: ErrorField,
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
    /// 429: too many writes (or photo downloads) in a short time; nothing was done.
    #[error("too many requests: retry after {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    /// 5xx or anything unexpected from the server.
    #[error("{message}")]
    Server { status: u16, message: String },
    /// The server answered something this client can't read.
    #[error("unreadable response: {0}")]
    Decode(String),
}

impl ApiError {
    /// A retried registration whose inquiry the member deleted since (422
    /// `IDEMPOTENT_INQUIRY_DELETED`): sending it again needs a new idempotency key.
    pub fn replayed_a_deleted_inquiry(&self) -> bool {
        matches!(self, ApiError::Validation { code, .. } if code == "IDEMPOTENT_INQUIRY_DELETED")
    }
}

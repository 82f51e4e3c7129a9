use crate::domain::Status;

/// A rule the server says was broken, tied to a form field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The SPA's name of the field (mapped from the wire name).
    pub field: String,
    /// Stable rule code, e.g. `TOO_LONG`.
    pub code: String,
    pub message: String,
}

/// Everything that can go wrong talking to the API, in the terms a page needs to react.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, server down).
    #[error("서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.")]
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
    #[error("{message}")]
    Validation {
        message: String,
        errors: Vec<FieldError>,
    },
    /// 5xx or anything unexpected from the server.
    #[error("{message}")]
    Server { status: u16, message: String },
    /// The server answered something this client can't read.
    #[error("서버 응답을 해석할 수 없습니다. 잠시 후 다시 시도해 주세요.")]
    Decode(String),
}

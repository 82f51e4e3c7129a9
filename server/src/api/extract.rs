//! axum's extractors with their rejections folded into [`ApiError`], so a malformed query,
//! body or multipart request gets the envelope and a specific message, and handlers take the
//! value directly instead of unwrapping a `Result`.

use axum::extract::{FromRequest, FromRequestParts, Request};

use crate::error::ApiError;

/// `axum::extract::Query`, rejected as a 400 envelope naming the bad parameter.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// `axum::Json`, rejected as 400/413/415 envelopes.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

/// `axum::extract::Multipart`, rejected as a 415 envelope.
pub struct Multipart(pub axum::extract::Multipart);

impl<S: Send + Sync> FromRequest<S> for Multipart {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        Ok(Self(
            axum::extract::Multipart::from_request(req, state).await?,
        ))
    }
}
